import type { JsonObject, JsonValue, Listener } from '@meshlens/configdump';
import { rawField, rawNum, rawObj, rawObjArr, rawStr } from '../rawFields';
import type { ConnectionInput, EffectiveConnection } from './connection';

const TLS_INSPECTOR = [
  'envoy.filters.listener.tls_inspector',
  'envoy.listener.tls_inspector',
  'tls_inspector',
];
const HTTP_INSPECTOR = [
  'envoy.filters.listener.http_inspector',
  'envoy.listener.http_inspector',
  'http_inspector',
];

// `ListenerFilterChainMatchPredicate`: Istio switches inspectors off per destination port.
function predicateMatches(p: JsonValue | undefined, port: number): boolean {
  if (rawField(p, 'any_match') === true) return true;
  const range = rawObj(p, 'destination_port_range');
  if (range) return port >= (rawNum(range, 'start') ?? 0) && port < (rawNum(range, 'end') ?? 0);
  const or = rawObj(p, 'or_match');
  if (or) return rawObjArr(or, 'rules').some((r) => predicateMatches(r, port));
  const and = rawObj(p, 'and_match');
  if (and) return rawObjArr(and, 'rules').every((r) => predicateMatches(r, port));
  const not = rawObj(p, 'not_match');
  if (not) return !predicateMatches(not, port);
  return false;
}

function listenerFilterActive(
  l: Listener,
  names: string[],
  port: number,
): 'active' | 'disabled' | 'absent' {
  const filters = rawObjArr(l.raw, 'listener_filters');
  const f = filters.find((x) => names.includes(rawStr(x, 'name') ?? ''));
  if (!f) return 'absent';
  const disabled = rawObj(f, 'filter_disabled');
  return disabled && predicateMatches(disabled as JsonObject, port) ? 'disabled' : 'active';
}

/** What the chosen listener's inspectors reveal about the connection (§2.1). */
export function effectiveConnection(
  l: Listener,
  c: ConnectionInput,
  localIp: string | undefined,
): EffectiveConnection {
  const notes: string[] = [];
  const tlsInspector = listenerFilterActive(l, TLS_INSPECTOR, c.dstPort);
  const httpInspector = listenerFilterActive(l, HTTP_INSPECTOR, c.dstPort);
  let transportProtocol = 'raw_buffer';
  let serverName = '';
  let applicationProtocols: string[] = [];
  if (c.tls && tlsInspector === 'active') {
    transportProtocol = 'tls';
    serverName = (c.sni ?? '').toLowerCase();
    applicationProtocols = c.alpn ?? [];
    notes.push(
      `tls_inspector sees a TLS ClientHello: transport "tls", SNI "${serverName}", ALPN [${applicationProtocols.join(', ')}].`,
    );
  } else {
    if (c.tls)
      notes.push(
        `The client speaks TLS but the listener's tls_inspector is ${tlsInspector}: transport stays "raw_buffer".`,
      );
    const proto = c.appProtocol ?? 'http/1.1';
    if (!c.tls && httpInspector === 'active' && proto !== 'tcp') {
      applicationProtocols = [proto];
      notes.push(`http_inspector detects plaintext ${proto}: application protocols [${proto}].`);
    } else if (!c.tls) {
      notes.push(
        `Plaintext; http_inspector is ${httpInspector}${proto === 'tcp' ? ' (and the client does not speak HTTP)' : ''}: no application protocol.`,
      );
    }
  }
  const isLocal =
    c.srcIp !== undefined &&
    (c.srcIp === localIp || c.srcIp.startsWith('127.') || c.srcIp === '::1');
  const e: EffectiveConnection = {
    localPort: c.dstPort,
    transportProtocol,
    serverName,
    applicationProtocols,
    isLocal,
    notes,
  };
  if (localIp !== undefined) e.localIp = localIp;
  if (c.srcIp !== undefined) e.srcIp = c.srcIp;
  if (c.srcPort !== undefined) e.srcPort = c.srcPort;
  return e;
}
