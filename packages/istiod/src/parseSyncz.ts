import type { JsonObject, JsonValue } from '@meshlens/configdump';
import type { DebugResult, ProxySyncStatus, SyncState, XdsNonces, XdsType } from './model';
import { parseJsonText } from './parseJsonText';
import { xdsStatus } from './xdsStatus';

/** Old syncz field prefixes (`cluster_sent`, `cluster_acked`...) per xDS type. */
const NONCE_PREFIX: Record<XdsType, string> = {
  CDS: 'cluster',
  LDS: 'listener',
  EDS: 'endpoint',
  RDS: 'route',
  ECDS: 'extensionconfig',
};

/** xDS type URL suffixes of the newer per-type status format (`genericXdsConfigs[].typeUrl`). */
const TYPE_URL_SUFFIX: [string, XdsType][] = [
  ['envoy.config.cluster.v3.Cluster', 'CDS'],
  ['envoy.config.listener.v3.Listener', 'LDS'],
  ['envoy.config.endpoint.v3.ClusterLoadAssignment', 'EDS'],
  ['envoy.config.route.v3.RouteConfiguration', 'RDS'],
  ['envoy.config.core.v3.TypedExtensionConfig', 'ECDS'],
];

/** Envoy's `ClientConfig.ConfigStatus` enum names -> istioctl's words. */
const CONFIG_STATUS: Record<string, SyncState> = {
  SYNCED: 'SYNCED',
  NOT_SENT: 'NOT SENT',
  STALE: 'STALE',
  ERROR: 'ERROR',
};

/** Options of `parseSyncz`. */
export interface ParseSynczOptions {
  /** The istiod instance the output came from (fills `ProxySyncStatus.istiod` when the data lacks it). */
  istiod?: string;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (o: JsonObject, ...keys: string[]): string | undefined => {
  for (const key of keys) {
    const v = o[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
};

/**
 * Reads istiod's `/debug/syncz` in either format it has had:
 * - the JSON array of `SyncStatus` (Istio 1.1 to today's HTTP debug port): `proxy`, `cluster_id`,
 *   `istio_version`, `<type>_sent` / `<type>_acked` nonces, where istioctl's nonce rule applies;
 * - the xDS `ClientConfig` list (`istioctl` over the XDS debug path; bare, or inside a
 *   DiscoveryResponse `resources`), with a `config_status` per type URL.
 */
export function parseSyncz(
  input: string | JsonValue,
  options: ParseSynczOptions = {},
): DebugResult<ProxySyncStatus[]> {
  let value: JsonValue;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input, 'the istiod /debug/syncz output');
    if (!parsed.ok) return parsed;
    value = parsed.value;
  } else value = input;

  let entries: JsonValue[] | undefined;
  let istiod = options.istiod;
  if (Array.isArray(value)) entries = value;
  else if (value === null) entries = [];
  else if (isObject(value) && Array.isArray(value.resources)) {
    entries = value.resources;
    const cp = value.control_plane ?? value.controlPlane;
    if (isObject(cp)) istiod = controlPlaneId(cp) ?? istiod;
  }
  if (!entries) {
    return {
      ok: false,
      error: {
        code: 'unexpected_shape',
        message:
          'expected istiod /debug/syncz output: a JSON array of proxy sync statuses (or an xDS ClientConfig list); found ' +
          describe(value),
      },
    };
  }
  const out: ProxySyncStatus[] = [];
  for (const [i, entry] of entries.entries()) {
    if (!isObject(entry)) {
      return {
        ok: false,
        error: {
          code: 'unexpected_shape',
          message: `syncz entry ${i} is ${describe(entry)}, not an object`,
        },
      };
    }
    const status =
      'genericXdsConfigs' in entry || 'generic_xds_configs' in entry || 'node' in entry
        ? fromClientConfig(entry, istiod)
        : fromNonces(entry, istiod);
    if (!status) {
      return {
        ok: false,
        error: {
          code: 'unexpected_shape',
          message: `syncz entry ${i} has no proxy name (\`proxy\` or \`node.id\`)`,
        },
      };
    }
    out.push(status);
  }
  return { ok: true, value: out };
}

function fromNonces(entry: JsonObject, istiod: string | undefined): ProxySyncStatus | undefined {
  const proxyId = str(entry, 'proxy');
  if (!proxyId) return undefined;
  const states = {} as Record<XdsType, SyncState>;
  const nonces: Partial<Record<XdsType, XdsNonces>> = {};
  for (const [type, prefix] of Object.entries(NONCE_PREFIX) as [XdsType, string][]) {
    const sent = str(entry, `${prefix}_sent`) ?? '';
    const acked = str(entry, `${prefix}_acked`) ?? '';
    states[type] = xdsStatus(sent, acked);
    if (sent || acked) nonces[type] = { sent, acked };
  }
  return withOptional(
    { proxyId, states, nonces },
    {
      clusterId: str(entry, 'cluster_id'),
      proxyType: str(entry, 'proxy_type'),
      istioVersion: str(entry, 'istio_version'),
      proxyVersion: str(entry, 'proxy_version'),
      istiod,
    },
  );
}

function fromClientConfig(
  entry: JsonObject,
  istiod: string | undefined,
): ProxySyncStatus | undefined {
  const node = isObject(entry.node) ? entry.node : {};
  const nodeId = str(node, 'id');
  if (!nodeId) return undefined;
  // Envoy node ids are `type~ip~pod.namespace~domain`; istioctl shows the `pod.namespace` part.
  const parts = nodeId.split('~');
  const proxyId = parts.length === 4 && parts[2] ? parts[2] : nodeId;
  const metadata = isObject(node.metadata) ? node.metadata : {};
  const states: Record<XdsType, SyncState> = {
    CDS: 'IGNORED',
    LDS: 'IGNORED',
    EDS: 'IGNORED',
    RDS: 'IGNORED',
    ECDS: 'IGNORED',
  };
  const configs = entry.genericXdsConfigs ?? entry.generic_xds_configs;
  for (const config of Array.isArray(configs) ? configs : []) {
    if (!isObject(config)) continue;
    const typeUrl = str(config, 'typeUrl', 'type_url') ?? '';
    const type = TYPE_URL_SUFFIX.find(([suffix]) => typeUrl.endsWith(suffix))?.[1];
    if (!type) continue;
    const status = str(config, 'configStatus', 'config_status') ?? 'UNKNOWN';
    states[type] = CONFIG_STATUS[status] ?? 'IGNORED';
  }
  return withOptional(
    { proxyId, states },
    {
      clusterId: str(metadata, 'CLUSTER_ID'),
      proxyType: parts.length === 4 ? parts[0] : undefined,
      istioVersion: str(metadata, 'ISTIO_VERSION'),
      istiod,
    },
  );
}

function controlPlaneId(cp: JsonObject): string | undefined {
  // istiod puts `{"Component":"istiod","ID":"istiod-abc","Info":{...}}` as a JSON string here.
  const identifier = str(cp, 'identifier');
  if (!identifier) return undefined;
  try {
    const parsed = JSON.parse(identifier) as JsonValue;
    return isObject(parsed) ? str(parsed, 'ID') : undefined;
  } catch {
    return undefined;
  }
}

function withOptional(
  base: ProxySyncStatus,
  optional: Partial<
    Record<
      'clusterId' | 'proxyType' | 'istioVersion' | 'proxyVersion' | 'istiod',
      string | undefined
    >
  >,
): ProxySyncStatus {
  const out: ProxySyncStatus = { ...base };
  for (const [key, value] of Object.entries(optional) as [
    keyof typeof optional,
    string | undefined,
  ][]) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} values`;
  if (typeof value === 'object')
    return `an object with keys ${Object.keys(value).slice(0, 5).join(', ')}`;
  return `a ${typeof value}`;
}
