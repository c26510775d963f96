// Renders a traffic map as Kiali's cytoscape JSON (graph/config/cytoscape): hashed ids, string
// rates, per-protocol node traffic, percentages, app/namespace/cluster boxes and Kiali's ordering.
import { goFixed, rateToString } from './formatRate';
import type {
  KialiEdgeData,
  KialiGraphResponse,
  KialiNodeData,
  KialiProtocolTraffic,
} from './kialiGraphJson';
import { sha256Hex } from './sha256';
import {
  UNKNOWN,
  isOK,
  type GraphType,
  type TrafficEdge,
  type TrafficMap,
  type TrafficNode,
} from './trafficMap';

const NODE_RATES: Record<string, string[]> = {
  grpc: ['grpcIn', 'grpcInErr', 'grpcInNoResponse', 'grpcOut'],
  http: ['httpIn', 'httpIn3xx', 'httpIn4xx', 'httpIn5xx', 'httpInNoResponse', 'httpOut'],
  tcp: ['tcpIn', 'tcpOut'],
};
const EDGE_ERRORS: Record<string, string[]> = {
  grpc: ['grpcErr', 'grpcNoResponse'],
  http: ['httpNoResponse', 'http4xx', 'http5xx'],
  tcp: [],
};
const EDGE_RATES: Record<string, string[]> = {
  grpc: ['grpc', 'grpcErr', 'grpcNoResponse'],
  http: ['http', 'http3xx', 'http4xx', 'http5xx', 'httpNoResponse'],
  tcp: ['tcp'],
};

function nodeTraffic(node: TrafficNode): KialiProtocolTraffic[] | undefined {
  const out: KialiProtocolTraffic[] = [];
  for (const protocol of ['grpc', 'http', 'tcp']) {
    const rates: Record<string, string> = {};
    for (const name of NODE_RATES[protocol] ?? []) {
      const v = node.rates.get(name) ?? 0;
      if (v > 0) rates[name] = rateToString(2, v);
    }
    if (Object.keys(rates).length > 0) out.push({ protocol, rates });
  }
  return out.length > 0 ? out : undefined;
}

function pct(part: number, total: number): string {
  return goFixed((part / total) * 100, 1);
}

function edgeTraffic(edge: TrafficEdge): KialiProtocolTraffic {
  const { protocol } = edge;
  const traffic: KialiProtocolTraffic = { protocol };
  const rates: Record<string, string> = {};
  for (const name of EDGE_RATES[protocol] ?? []) {
    const v = edge.rates.get(name) ?? 0;
    if (v > 0) rates[name] = rateToString(2, v);
  }
  if (Object.keys(rates).length === 0) return traffic;
  const total = edge.rates.get(protocol) ?? 0;
  if (total > 0) {
    if (protocol !== 'tcp') {
      const err = (EDGE_ERRORS[protocol] ?? []).reduce((s, k) => s + (edge.rates.get(k) ?? 0), 0);
      if (err > 0) rates[`${protocol}PercentErr`] = pct(err, total);
      const out = edge.source.rates.get(`${protocol}Out`) ?? 0;
      if (out > 0) rates[`${protocol}PercentReq`] = pct(total, out);
    }
    const responses: NonNullable<KialiProtocolTraffic['responses']> = {};
    for (const [code, detail] of edge.responses) {
      const entry: { flags?: Record<string, string>; hosts?: Record<string, string> } = {};
      if (detail.flags.size > 0) {
        entry.flags = Object.fromEntries([...detail.flags].map(([k, v]) => [k, pct(v, total)]));
      }
      if (detail.hosts.size > 0) {
        entry.hosts = Object.fromEntries([...detail.hosts].map(([k, v]) => [k, pct(v, total)]));
      }
      responses[code] = entry;
    }
    traffic.responses = responses;
  }
  traffic.rates = rates;
  return traffic;
}

/** SHA-256 of node ids, memoised: every edge hashes both of its ends. */
const hashCache = new Map<string, string>();
function nodeHash(id: string): string {
  let h = hashCache.get(id);
  if (h === undefined) {
    h = sha256Hex(id);
    if (hashCache.size > 100_000) hashCache.clear();
    hashCache.set(id, h);
  }
  return h;
}

/** The JSON of one edge (also used for a waypoint edge's folded return edge). */
function edgeData(edge: TrafficEdge, sourceId: string, targetId: string): KialiEdgeData {
  const source = nodeHash(sourceId);
  const target = nodeHash(targetId);
  const data: KialiEdgeData = {
    id: sha256Hex(`${source}.${target}.${edge.protocol}`),
    source,
    target,
  };
  if (edge.destPrincipal) data.destPrincipal = edge.destPrincipal;
  if (edge.isMTLS !== undefined && edge.isMTLS > 0) data.isMTLS = goFixed(edge.isMTLS, 0);
  if (edge.responseTime !== undefined && edge.responseTime > 0) {
    data.responseTime = goFixed(edge.responseTime, 0);
  }
  if (edge.sourcePrincipal) data.sourcePrincipal = edge.sourcePrincipal;
  if (edge.throughput !== undefined && edge.throughput > 0)
    data.throughput = goFixed(edge.throughput, 0);
  data.traffic = edgeTraffic(edge);
  if (edge.waypoint) {
    const { direction, fromEdge } = edge.waypoint;
    data.waypoint = { direction };
    // Kiali renders the folded return edge with the waypoint edge's source as both ends.
    if (fromEdge) data.waypoint.fromEdge = edgeData(fromEdge, fromEdge.dest.id, fromEdge.dest.id);
  }
  return data;
}

function nodeData(node: TrafficNode): KialiNodeData {
  const d: KialiNodeData = {
    id: nodeHash(node.id),
    nodeType: node.nodeType,
    cluster: node.cluster,
    namespace: node.namespace,
    healthData: null,
  };
  if (node.workload) d.workload = node.workload;
  if (node.app) d.app = node.app;
  if (node.version) d.version = node.version;
  if (node.service) d.service = node.service;
  if (node.destServices.size > 0) {
    d.destServices = [...node.destServices.values()]
      .map((s) => ({ cluster: s.cluster, namespace: s.namespace, name: s.name }))
      .sort(
        (a, b) => cmp(a.cluster, b.cluster) || cmp(a.namespace, b.namespace) || cmp(a.name, b.name),
      );
  }
  const traffic = nodeTraffic(node);
  if (traffic) d.traffic = traffic;
  const f = node.flags;
  if (f.isIdle) d.isIdle = true;
  if (f.isInaccessible) d.isInaccessible = true;
  if (f.isInjected) d.isInjected = true;
  if (f.isOutside) d.isOutside = true;
  if (f.isRoot) d.isRoot = true;
  if (f.isWaypoint) d.isWaypoint = true;
  return d;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function addBoxes(
  nodes: KialiNodeData[],
  keyOf: (n: KialiNodeData) => string | undefined,
  kind: string,
  onlyIfSeveral: boolean,
): void {
  const groups = new Map<string, KialiNodeData[]>();
  for (const n of nodes) {
    const key = keyOf(n);
    if (key === undefined) continue;
    const g = groups.get(key);
    if (g) g.push(n);
    else groups.set(key, [n]);
  }
  if (onlyIfSeveral && groups.size <= 1) return;
  for (const [key, members] of groups) {
    if (members.length <= 1) continue;
    const first = members[0];
    if (!first) continue;
    const box: KialiNodeData = {
      id: sha256Hex(key),
      nodeType: 'box',
      cluster: first.cluster,
      namespace: kind === 'cluster' ? '' : first.namespace,
      healthData: null,
      isBox: kind,
    };
    if (kind === 'app' && first.app) box.app = first.app;
    for (const m of members) {
      m.parent = box.id;
      if (kind === 'app') {
        if (m.isInaccessible) box.isInaccessible = true;
        if (m.isOutside) box.isOutside = true;
      }
    }
    nodes.push(box);
  }
}

const BOX_ORDER: Record<string, number> = { cluster: 0, namespace: 1, app: 2 };

/** Renders the traffic map as Kiali's JSON response. */
export function toKialiJson(
  map: TrafficMap,
  options: { graphType: GraphType; duration: number; queryTime: number; boxBy: readonly string[] },
): KialiGraphResponse {
  const nodes: KialiNodeData[] = [];
  const edges: KialiEdgeData[] = [];
  for (const node of map.values()) {
    nodes.push(nodeData(node));
    for (const e of node.edges) edges.push(edgeData(e, node.id, e.dest.id));
  }
  const { graphType, boxBy } = options;
  if (boxBy.includes('app') || graphType === 'app' || graphType === 'versionedApp') {
    addBoxes(
      nodes,
      (n) => (isOK(n.app) ? `box_${n.cluster}_${n.namespace}_${n.app}` : undefined),
      'app',
      false,
    );
  }
  if (boxBy.includes('namespace')) {
    addBoxes(
      nodes,
      (n) =>
        n.parent === undefined && n.namespace !== UNKNOWN
          ? `box_${n.cluster}_${n.namespace}`
          : undefined,
      'namespace',
      true,
    );
  }
  if (boxBy.includes('cluster')) {
    addBoxes(
      nodes,
      (n) => (n.parent === undefined && n.cluster !== UNKNOWN ? `box_${n.cluster}` : undefined),
      'cluster',
      true,
    );
  }
  nodes.sort((a, b) => {
    const ab = a.isBox !== undefined;
    const bb = b.isBox !== undefined;
    if (ab !== bb) return ab ? -1 : 1;
    if (ab && bb && a.isBox !== b.isBox)
      return (BOX_ORDER[a.isBox ?? ''] ?? 0) - (BOX_ORDER[b.isBox ?? ''] ?? 0);
    return (
      cmp(a.cluster, b.cluster) ||
      cmp(a.namespace, b.namespace) ||
      cmp(a.app ?? '', b.app ?? '') ||
      cmp(a.version ?? '', b.version ?? '') ||
      cmp(a.service ?? '', b.service ?? '') ||
      cmp(a.workload ?? '', b.workload ?? '')
    );
  });
  edges.sort(
    (a, b) =>
      cmp(a.source, b.source) ||
      cmp(a.target, b.target) ||
      cmp(a.traffic?.protocol ?? '', b.traffic?.protocol ?? ''),
  );
  return {
    timestamp: options.queryTime,
    duration: options.duration,
    graphType,
    elements: { nodes: nodes.map((data) => ({ data })), edges: edges.map((data) => ({ data })) },
  };
}
