// The topology page's neutral graph: nodes (with box parents) and edges, built from the config
// graph, Kiali's traffic JSON, or both compared. Cytoscape never appears here; TopologyCanvas
// turns this into elements. Ids are shared between the two sources (`wl:<ns>/<name>`,
// `svc:<host>`) so "both" can lay config edges over the traffic graph.
import type { ConfigGraph, KialiGraphResponse, KialiNodeData } from '@meshlens/topology';

/** The shape a node is drawn with. */
export type TopoNodeKind =
  | 'app'
  | 'workload'
  | 'service'
  | 'gateway'
  | 'serviceEntry'
  | 'virtualService'
  | 'subset'
  | 'sidecar'
  | 'unknown'
  | 'box';

/** Health by error rate (Kiali's default tolerances: degraded above 0.1 %, failure at 20 %). */
export type TopoHealth = 'healthy' | 'degraded' | 'failure' | 'idle';

/** A node of the page's graph. */
export interface TopoNode {
  id: string;
  kind: TopoNodeKind;
  label: string;
  /** Box this node is drawn inside. */
  parent?: string;
  /** Boxes: what they group. */
  box?: 'cluster' | 'namespace' | 'app';
  /** A box drawn as one node (its contents merged into it). */
  collapsed?: boolean;
  /** A collapsed box: how many nodes it holds. */
  members?: number;
  name: string;
  namespace: string;
  cluster: string;
  app?: string;
  version?: string;
  workload?: string;
  service?: string;
  /** Incoming requests per second (traffic). */
  rps?: number;
  /** Incoming error percentage (5xx, gRPC errors). */
  errorPct?: number;
  health: TopoHealth;
  /** A remark for the side panel (e.g. "reaches every service"). */
  note?: string;
}

/** An edge of the page's graph. */
export interface TopoEdge {
  id: string;
  source: string;
  target: string;
  /** `traffic`, or the config edge kind (`routes`, `reaches`, ...). */
  kind: string;
  protocol?: string;
  rps?: number;
  errorPct?: number;
  /** Kiali `responseTime` (p95 by default), ms. */
  p95?: number;
  /** Kiali `throughput`, bytes/s. */
  bytes?: number;
  /** Some traffic was mTLS (Kiali `isMTLS` > 0). */
  mtls?: boolean;
  /** Route weight, % (config routes). */
  weight?: number;
  /** A config edge with no traffic ("both" mode). */
  dashed?: boolean;
  /** Traffic that no config edge explains ("both" mode), and why. */
  flagged?: string;
  /** Edges merged into this one (between collapsed boxes). */
  merged?: number;
  /** The config edge ids and Kiali edge id behind this edge. */
  configEdges?: string[];
  trafficEdge?: string;
  health: TopoHealth;
}

/** The page's graph. */
export interface TopoModel {
  nodes: TopoNode[];
  edges: TopoEdge[];
}

/** Health from an error percentage (undefined = no traffic). */
export function healthOf(errorPct: number | undefined, rps: number | undefined): TopoHealth {
  if (rps === undefined || rps === 0) return 'idle';
  const e = errorPct ?? 0;
  if (e >= 20) return 'failure';
  if (e > 0.1) return 'degraded';
  return 'healthy';
}

const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** Adds namespace boxes (and cluster boxes when there is more than one cluster) as parents. */
export function addBoxes(nodes: TopoNode[]): TopoNode[] {
  const clusters = new Set(nodes.filter((n) => n.kind !== 'box').map((n) => n.cluster));
  const multi = clusters.size > 1;
  const boxes = new Map<string, TopoNode>();
  const out = nodes.map((n) => {
    if (n.parent !== undefined || (n.kind === 'box' && n.box !== 'app')) return n;
    const nsId = `ns:${n.cluster}/${n.namespace}`;
    if (!boxes.has(nsId)) {
      const clusterId = `cluster:${n.cluster}`;
      if (multi && !boxes.has(clusterId)) {
        boxes.set(clusterId, {
          id: clusterId,
          kind: 'box',
          box: 'cluster',
          label: n.cluster,
          name: n.cluster,
          namespace: '',
          cluster: n.cluster,
          health: 'idle',
        });
      }
      boxes.set(nsId, {
        id: nsId,
        kind: 'box',
        box: 'namespace',
        label: n.namespace,
        name: n.namespace,
        namespace: n.namespace,
        cluster: n.cluster,
        health: 'idle',
        ...(multi ? { parent: clusterId } : {}),
      });
    }
    return { ...n, parent: nsId };
  });
  return [...boxes.values(), ...out];
}

function shortHost(host: string): string {
  const m = /^([^.]+)\.([^.]+)\.svc\./.exec(host);
  return m?.[1] ?? host;
}

/** The config graph as the page draws it. */
export function configModel(graph: ConfigGraph, cluster: string): TopoModel {
  const nodes: TopoNode[] = graph.nodes.map((n) => {
    const kind: TopoNodeKind =
      n.kind === 'service'
        ? n.serviceEntry || n.meshExternal
          ? 'serviceEntry'
          : 'service'
        : n.kind === 'workload' && n.proxyType === 'router'
          ? 'gateway'
          : n.kind;
    const label =
      n.kind === 'subset'
        ? `${shortHost(n.host ?? '')} ${n.subset ?? n.name}`
        : n.kind === 'service'
          ? shortHost(n.host ?? n.name)
          : n.name;
    return {
      id: n.id,
      kind,
      label,
      name: n.kind === 'service' ? shortHost(n.host ?? n.name) : n.name,
      namespace: n.namespace,
      cluster,
      ...(n.app !== undefined ? { app: n.app } : {}),
      ...(n.version !== undefined ? { version: n.version } : {}),
      ...(n.kind === 'workload' ? { workload: n.name } : {}),
      ...(n.kind === 'service' ? { service: shortHost(n.host ?? n.name) } : {}),
      health: 'idle',
    };
  });
  // Without Sidecar scoping every sidecar reaches every service: those edges say nothing and
  // bury the routing, so such a workload gets a note instead of its `reaches` edges.
  const serviceCount = graph.nodes.filter((n) => n.kind === 'service').length;
  const reachCount = new Map<string, number>();
  for (const e of graph.edges) {
    if (e.kind === 'reaches') reachCount.set(e.source, (reachCount.get(e.source) ?? 0) + 1);
  }
  const flagged = new Set(graph.nodes.filter((n) => n.reachesAll === true).map((n) => n.id));
  const inferred = new Set(graph.nodes.filter((n) => n.labelsInferred === true).map((n) => n.id));
  const reachesAll = (id: string): boolean =>
    flagged.has(id) || (serviceCount > 1 && (reachCount.get(id) ?? 0) >= serviceCount);
  for (const n of nodes) {
    const notes: string[] = [];
    if (reachesAll(n.id)) notes.push(`reaches all ${serviceCount} services (no Sidecar scoping)`);
    if (inferred.has(n.id)) notes.push('labels inferred from the pod name (its dump was not read)');
    if (notes.length > 0) n.note = notes.join('; ');
  }
  const kept = graph.edges.filter((e) => e.kind !== 'reaches' || !reachesAll(e.source));
  const edges: TopoEdge[] = kept.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    kind: e.kind,
    ...(e.weight !== undefined ? { weight: e.weight } : {}),
    ...(e.protocol !== undefined ? { protocol: e.protocol } : {}),
    configEdges: [e.id],
    health: 'idle',
  }));
  const reach = new Map(graph.namespaces.map((ns) => [ns.namespace, ns]));
  const boxed = addBoxes(nodes).map((n) => {
    const ns = n.box === 'namespace' ? reach.get(n.namespace) : undefined;
    if (!ns || ns.reachAll === 0) return n;
    return {
      ...n,
      note: `${ns.reachAll} of ${ns.workloads} workloads reach every service of the mesh (no Sidecar scoping)`,
    };
  });
  return { nodes: boxed, edges };
}

/** The page id of a Kiali node: shared with the config graph for workloads and services. */
export function trafficNodeId(n: KialiNodeData, domain = 'cluster.local'): string {
  if (n.nodeType === 'box') {
    if (n.isBox === 'cluster') return `cluster:${n.cluster}`;
    if (n.isBox === 'namespace') return `ns:${n.cluster}/${n.namespace}`;
    return `appbox:${n.cluster}/${n.namespace}/${n.app ?? ''}`;
  }
  if (n.nodeType === 'workload' && n.workload) return `wl:${n.namespace}/${n.workload}`;
  if (n.nodeType === 'service' && n.service) {
    return `svc:${n.service.includes('.') ? n.service : `${n.service}.${n.namespace}.svc.${domain}`}`;
  }
  if (n.nodeType === 'app' && n.app) {
    return `app:${n.namespace}/${n.app}${n.version ? `/${n.version}` : ''}`;
  }
  return `kiali:${n.id}`;
}

function trafficKind(n: KialiNodeData): TopoNodeKind {
  const name = n.workload ?? n.app ?? '';
  if (n.nodeType === 'box') return 'box';
  if (/gateway/.test(name) && n.nodeType !== 'service') return 'gateway';
  if (n.nodeType === 'service') {
    return n.service?.includes('.') && !n.service.includes('.svc.') ? 'serviceEntry' : 'service';
  }
  if (n.nodeType === 'workload' || n.nodeType === 'app') return n.nodeType;
  return 'unknown';
}

function rates(n: { traffic?: { rates?: Record<string, string> }[] }): Record<string, string> {
  return Object.assign({}, ...(n.traffic ?? []).map((t) => t.rates ?? {})) as Record<
    string,
    string
  >;
}

/** Kiali's traffic JSON as the page draws it. */
export function trafficModel(graph: KialiGraphResponse): TopoModel {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const { data } of graph.elements.nodes) {
    let id = trafficNodeId(data);
    if (taken.has(id)) id = `kiali:${data.id}`;
    taken.add(id);
    ids.set(data.id, id);
  }
  const nodes: TopoNode[] = graph.elements.nodes.map(({ data: n }) => {
    const r = rates(n);
    const rpsIn = (num(r.httpIn) ?? 0) + (num(r.grpcIn) ?? 0) + (num(r.tcpIn) ?? 0);
    const errIn = (num(r.httpIn5xx) ?? 0) + (num(r.grpcInErr) ?? 0);
    const errorPct = rpsIn > 0 ? (100 * errIn) / rpsIn : undefined;
    const name =
      n.nodeType === 'box'
        ? n.isBox === 'cluster'
          ? n.cluster
          : n.isBox === 'namespace'
            ? n.namespace
            : (n.app ?? '')
        : (n.workload ?? n.service ?? n.app ?? n.id.slice(0, 8));
    const label =
      n.nodeType === 'app' && n.version ? `${n.app ?? name} ${n.version}` : name || 'unknown';
    const parent = n.parent !== undefined ? ids.get(n.parent) : undefined;
    return {
      id: ids.get(n.id) ?? n.id,
      kind: trafficKind(n),
      label,
      name,
      namespace: n.namespace,
      cluster: n.cluster,
      ...(n.nodeType === 'box' && n.isBox
        ? { box: n.isBox as 'cluster' | 'namespace' | 'app' }
        : {}),
      ...(parent !== undefined ? { parent } : {}),
      ...(n.app !== undefined ? { app: n.app } : {}),
      ...(n.version !== undefined ? { version: n.version } : {}),
      ...(n.workload !== undefined ? { workload: n.workload } : {}),
      ...(n.service !== undefined ? { service: n.service } : {}),
      ...(rpsIn > 0 ? { rps: rpsIn } : {}),
      ...(errorPct !== undefined ? { errorPct } : {}),
      health: healthOf(errorPct, rpsIn),
    };
  });
  const edges: TopoEdge[] = graph.elements.edges.map(({ data: e }) => {
    const r = e.traffic?.rates ?? {};
    const protocol = e.traffic?.protocol;
    const rps = num(r.http) ?? num(r.grpc) ?? num(r.tcp);
    const errorPct = num(r.httpPercentErr) ?? num(r.grpcPercentErr);
    const source = ids.get(e.source) ?? e.source;
    const target = ids.get(e.target) ?? e.target;
    const p95 = num(e.responseTime);
    const bytes = num(e.throughput);
    const mtls = num(e.isMTLS);
    return {
      id: `t:${source}>${target}:${protocol ?? ''}`,
      source,
      target,
      kind: 'traffic',
      ...(protocol !== undefined ? { protocol } : {}),
      ...(rps !== undefined ? { rps } : {}),
      ...(errorPct !== undefined ? { errorPct } : {}),
      ...(p95 !== undefined ? { p95 } : {}),
      ...(bytes !== undefined ? { bytes } : {}),
      ...(mtls !== undefined ? { mtls: mtls > 0 } : {}),
      trafficEdge: e.id,
      health: healthOf(errorPct, rps),
    };
  });
  return { nodes: addBoxes(nodes), edges };
}
