import { parseAddress } from './address';
import { arr, bool, field, has, mapObjs, num, obj, objArr, str, strArr, toNum } from './fields';
import type {
  CidrRange,
  FilterChain,
  FilterChainMatch,
  JsonObject,
  Listener,
  ResourceMeta,
} from './model';
import { sdsNames } from './parseCluster';
import { parseNetworkFilter } from './parseNetworkFilter';
import { applyMeta } from './resourceMeta';

function cidrs(o: JsonObject, key: string): CidrRange[] {
  return objArr(o, key).map((c) => ({
    addressPrefix: str(c, 'address_prefix') ?? '',
    prefixLen: num(c, 'prefix_len') ?? 0,
  }));
}

function parseMatch(m: JsonObject | undefined): FilterChainMatch {
  if (!m) {
    return {
      prefixRanges: [],
      directSourcePrefixRanges: [],
      sourceType: 'ANY',
      sourcePrefixRanges: [],
      sourcePorts: [],
      serverNames: [],
      applicationProtocols: [],
    };
  }
  const st = field(m, 'source_type');
  const match: FilterChainMatch = {
    prefixRanges: cidrs(m, 'prefix_ranges'),
    directSourcePrefixRanges: cidrs(m, 'direct_source_prefix_ranges'),
    sourceType:
      st === 'SAME_IP_OR_LOOPBACK' || st === 1
        ? 'SAME_IP_OR_LOOPBACK'
        : st === 'EXTERNAL' || st === 2
          ? 'EXTERNAL'
          : 'ANY',
    sourcePrefixRanges: cidrs(m, 'source_prefix_ranges'),
    sourcePorts: [],
    serverNames: strArr(m, 'server_names'),
    applicationProtocols: strArr(m, 'application_protocols'),
  };
  for (const p of arr(m, 'source_ports')) {
    const n = toNum(p);
    if (n !== undefined) match.sourcePorts.push(n);
  }
  const port = num(m, 'destination_port');
  if (port !== undefined) match.destinationPort = port;
  const tp = str(m, 'transport_protocol');
  if (tp !== undefined) match.transportProtocol = tp;
  return match;
}

function parseFilterChain(fc: JsonObject, index: number, meta: ResourceMeta): FilterChain {
  const chain: FilterChain = {
    name: str(fc, 'name') ?? (index < 0 ? 'default' : `#${index}`),
    index,
    isDefault: index < 0,
    match: parseMatch(obj(fc, 'filter_chain_match')),
    filters: mapObjs(fc, 'filters', (f) => parseNetworkFilter(f, meta)),
    raw: fc,
  };
  const ts = obj(fc, 'transport_socket');
  if (ts) chain.transportSocket = str(ts, 'name') ?? 'envoy.transport_sockets.tls';
  // v2 put the downstream TLS context straight on the chain.
  else if (has(fc, 'tls_context')) chain.transportSocket = 'envoy.transport_sockets.tls';
  const tls = ts ? (obj(ts, 'typed_config') ?? obj(ts, 'config')) : obj(fc, 'tls_context');
  const common = tls && obj(tls, 'common_tls_context');
  const secrets = common ? sdsNames(common) : [];
  if (secrets.length > 0) chain.sdsSecrets = secrets;
  return chain;
}

const ORIGINAL_DST = new Set([
  'envoy.listener.original_dst',
  'envoy.filters.listener.original_dst',
]);

/** Reads a `Listener` (v2 or v3). */
export function parseListener(l: JsonObject, meta: ResourceMeta): Listener {
  const listenerFilters: string[] = [];
  for (const f of objArr(l, 'listener_filters')) listenerFilters.push(str(f, 'name') ?? '');
  const dir = str(l, 'traffic_direction');
  // Istio's virtual listeners: v3 `bind_to_port: false`, v2 `deprecated_v1.bind_to_port: false`.
  const v1 = obj(l, 'deprecated_v1');
  const bindToPort = bool(l, 'bind_to_port') ?? (v1 ? bool(v1, 'bind_to_port') : undefined) ?? true;
  const listener: Listener = {
    state: meta.state,
    name: str(l, 'name') ?? '',
    address: parseAddress(field(l, 'address')),
    additionalAddresses: mapObjs(l, 'additional_addresses', (a) =>
      parseAddress(field(a, 'address')),
    ),
    trafficDirection: dir === 'INBOUND' || dir === 'OUTBOUND' ? dir : 'UNSPECIFIED',
    useOriginalDst:
      bool(l, 'use_original_dst') === true || listenerFilters.some((n) => ORIGINAL_DST.has(n)),
    bindToPort,
    listenerFilters,
    filterChains: mapObjs(l, 'filter_chains', (fc, i) => parseFilterChain(fc, i, meta)),
    raw: l,
  };
  applyMeta(listener, meta);
  const dfc = obj(l, 'default_filter_chain');
  if (dfc) listener.defaultFilterChain = parseFilterChain(dfc, -1, meta);
  const matcher = field(l, 'filter_chain_matcher');
  if (matcher !== undefined) listener.filterChainMatcher = matcher;
  return listener;
}
