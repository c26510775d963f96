import type { ConfigDump, Listener } from '@meshlens/configdump';
import { rawBool, rawField, rawObj } from '../rawFields';
import type { ConnectionInput } from './connection';
import { dumpTraceIndex } from './dumpTraceIndex';
import { isWildcardIp, parseIp } from './ipAddress';

/** How the listener that handles the connection was found (§3). */
export interface ListenerSelection {
  /** The listener whose filter chains are matched; undefined = connection refused. */
  listener?: Listener;
  /** The entry listener (`virtualOutbound`, `virtualInbound`) when different from `listener`. */
  entry?: Listener;
  mode: 'outbound' | 'inbound' | 'direct';
  handedOff: boolean;
  explanation: string[];
}

interface SocketAddr {
  ip: string;
  port: number;
}

/** Every socket address a listener is reachable at (`address` + `additional_addresses`). */
export function listenerAddresses(l: Listener): SocketAddr[] {
  const out: SocketAddr[] = [];
  for (const a of [l.address, ...l.additionalAddresses]) {
    if (a.kind === 'socket' && a.port !== undefined) out.push({ ip: a.ip, port: a.port });
  }
  return out;
}

function sameIp(a: string, b: string): boolean {
  const x = parseIp(a);
  const y = parseIp(b);
  return x !== undefined && y !== undefined
    ? x.family === y.family && x.value === y.value
    : a === b;
}

/** `ip:port` of a listener, for explanations. */
export function describeAddress(l: Listener): string {
  const a = listenerAddresses(l)[0];
  return a ? `${a.ip.includes(':') ? `[${a.ip}]` : a.ip}:${a.port}` : l.address.kind;
}

// Envoy's original-destination lookup (`getBalancedHandlerByAddress`): exact `ip:port`, then the
// same-family wildcard on that port; a `[::]` listener without v6only also serves IPv4.
// `byPort` holds the candidates already grouped by port (see `dumpTraceIndex`).
function findByAddress(
  byPort: Map<number, Listener[]>,
  ip: string | undefined,
  port: number,
  why: string[],
): Listener | undefined {
  const onPort = byPort.get(port) ?? [];
  if (onPort.length === 0) {
    why.push(`No listener is registered on port ${port}.`);
    return undefined;
  }
  if (ip !== undefined) {
    const exact = onPort.find((l) =>
      listenerAddresses(l).some((a) => a.port === port && sameIp(a.ip, ip)),
    );
    if (exact) {
      why.push(`Listener "${exact.name}" is registered at exactly ${ip}:${port}.`);
      return exact;
    }
    why.push(
      `No listener is registered at exactly ${ip}:${port} (on port ${port}: ${onPort.map((l) => `"${l.name}" ${describeAddress(l)}`).join(', ')}).`,
    );
  }
  const family = ip === undefined ? 4 : (parseIp(ip)?.family ?? 4);
  const wild = onPort.find((l) =>
    listenerAddresses(l).some(
      (a) => a.port === port && isWildcardIp(a.ip) && (parseIp(a.ip)?.family ?? 4) === family,
    ),
  );
  if (wild) {
    why.push(
      `Listener "${wild.name}" is the ${family === 4 ? '0.0.0.0' : '[::]'} wildcard on port ${port}.`,
    );
    return wild;
  }
  if (family === 4) {
    const compat = onPort.find(
      (l) =>
        listenerAddresses(l).some((a) => a.port === port && a.ip === '::') &&
        (rawBool(rawObj(rawField(l.raw, 'address'), 'socket_address'), 'ipv4_compat') ?? false),
    );
    if (compat) {
      why.push(`Listener "${compat.name}" ([::]:${port}, ipv4_compat) also accepts IPv4.`);
      return compat;
    }
  }
  why.push(`No wildcard listener on port ${port}${ip === undefined ? '' : ` for ${ip}`}.`);
  return undefined;
}

function listensOn(l: Listener, port: number): boolean {
  return listenerAddresses(l).some((a) => a.port === port);
}

/** Picks the entry listener and follows the original-destination hand-off (§3). */
export function selectListener(dump: ConfigDump, c: ConnectionInput): ListenerSelection {
  // Listeners that take traffic now: active (or static); warming/draining/error ones are ignored.
  const idx = dumpTraceIndex(dump);
  const live = idx.live;
  // Without a bootstrap (partial dumps) a use_original_dst listener on 15001 still says "sidecar".
  const type = dump.node?.proxyType ?? 'unknown';
  const looksLikeSidecar =
    type === 'sidecar' || (type === 'unknown' && idx.originalDst.some((l) => listensOn(l, 15001)));
  const mode = c.direction ?? (looksLikeSidecar ? 'outbound' : 'direct');
  const explanation: string[] = [];
  if (mode === 'outbound') {
    const entries = idx.originalDst;
    const entry = entries.find((l) => listensOn(l, 15001)) ?? entries[0];
    if (entry) {
      explanation.push(
        `Sidecar outbound: iptables redirects the connection to "${entry.name}" (${describeAddress(entry)}, use_original_dst), which restores the original destination ${c.dstIp ?? '<unknown IP>'}:${c.dstPort}.`,
      );
      const why: string[] = [];
      const target = findByAddress(idx.liveByPort, c.dstIp, c.dstPort, why);
      explanation.push(...why);
      if (target) {
        explanation.push(
          target === entry
            ? `The destination is the entry listener itself; it handles the connection.`
            : `Hand-off (one hop) to listener "${target.name}", which runs its own listener filters and filter chains.`,
        );
        return { listener: target, entry, mode, handedOff: target !== entry, explanation };
      }
      explanation.push(
        `No listener matches the original destination: "${entry.name}" matches its own filter chains (Istio: passthrough or blackhole).`,
      );
      return { listener: entry, entry, mode, handedOff: false, explanation };
    }
    explanation.push(
      'No use_original_dst listener (traffic interception off): looking for a listener bound to the port.',
    );
  }
  if (mode === 'inbound') {
    const entry =
      live.find((l) => l.name === 'virtualInbound') ?? live.find((l) => listensOn(l, 15006));
    if (entry) {
      explanation.push(
        `Sidecar inbound: iptables redirects the connection to "${entry.name}" (${describeAddress(entry)}); its original_dst listener filter restores the destination port ${c.dstPort}, and its own filter chains match on it (no hand-off).`,
      );
      return { listener: entry, entry, mode, handedOff: false, explanation };
    }
    explanation.push('No virtualInbound listener: looking for a listener bound to the port.');
  }
  const why: string[] = [];
  const l = findByAddress(idx.boundByPort, c.dstIp, c.dstPort, why);
  explanation.push(...why);
  if (!l && c.dstIp === undefined) {
    const any = idx.boundByPort.get(c.dstPort)?.[0];
    if (any) {
      explanation.push(
        `The destination IP is unknown; assuming listener "${any.name}" (${describeAddress(any)}).`,
      );
      return { listener: any, mode: 'direct', handedOff: false, explanation };
    }
  }
  if (!l) {
    explanation.push(
      `No bound listener accepts ${c.dstIp ?? '*'}:${c.dstPort}: connection refused.`,
    );
    return { mode: 'direct', handedOff: false, explanation };
  }
  explanation.unshift(`Direct connection to a bound listener on port ${c.dstPort}.`);
  return { listener: l, mode: 'direct', handedOff: false, explanation };
}
