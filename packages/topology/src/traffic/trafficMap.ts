// The in-memory traffic map Kiali builds before it renders JSON: nodes keyed by Kiali's internal
// id, each owning its outgoing edges. Values accumulate here; strings are made only at the end.

/** Kiali's node types (`graph/types.go`). */
export type NodeType = 'app' | 'service' | 'workload' | 'unknown' | 'box' | 'aggregate';

/** Kiali's graph types (`graphType` query parameter). */
export type GraphType = 'app' | 'versionedApp' | 'workload' | 'service';

/** Protocol of an edge: one edge per (source, destination, protocol). */
export type Protocol = 'grpc' | 'http' | 'tcp';

/** Placeholder Istio writes for a label it could not determine. */
export const UNKNOWN = 'unknown';
/** Istio's catch-all clusters: traffic leaving the mesh or dropped. */
export const PASSTHROUGH_CLUSTER = 'PassthroughCluster';
export const BLACKHOLE_CLUSTER = 'BlackHoleCluster';

/** Per-code detail of an edge's responses: rate per response flag and per `destination_service` host. */
export interface ResponseDetail {
  flags: Map<string, number>;
  hosts: Map<string, number>;
}

/** A service a node received traffic for (`destServices`): from `destination_service_*` labels. */
export interface ServiceName {
  cluster: string;
  namespace: string;
  name: string;
}

/** Ambient waypoint marking of an edge (Kiali's `waypoint` edge data). */
export interface WaypointEdgeInfo {
  direction: 'to' | 'from';
  /** The return edge (waypoint -> this edge's source) folded into this one. */
  fromEdge?: TrafficEdge;
}

/** A directed, single-protocol edge and the traffic accumulated on it. */
export interface TrafficEdge {
  source: TrafficNode;
  dest: TrafficNode;
  protocol: Protocol;
  /** Edge rates: `http`, `http3xx`, `http4xx`, `http5xx`, `httpNoResponse`, `grpc`, `grpcErr`, `grpcNoResponse`, `tcp`. */
  rates: Map<string, number>;
  /** Rate per response code (`-` = no response; TCP and gRPC messages always `-`). */
  responses: Map<string, ResponseDetail>;
  /**
   * Identities of the time series already counted (metric, full source and destination labels,
   * code, flags, host; never the reporter), so the same series reported by both proxies counts once.
   */
  seriesSeen: Set<string>;
  /** Response time in ms (responseTime appender). */
  responseTime?: number;
  /** Throughput in bytes/s (throughput appender). */
  throughput?: number;
  /** Percentage of the edge's traffic that used mutual TLS (securityPolicy appender). */
  isMTLS?: number;
  sourcePrincipal?: string;
  destPrincipal?: string;
  waypoint?: WaypointEdgeInfo;
}

/** Flags Kiali sets on nodes (`graph.Metadata` booleans). */
export interface NodeFlags {
  isEgressCluster?: boolean;
  isInaccessible?: boolean;
  isInjected?: boolean;
  isOutside?: boolean;
  isRoot?: boolean;
  isWaypoint?: boolean;
  isIdle?: boolean;
}

/** A node of the traffic map. Empty strings are fields Kiali trims for the node's type. */
export interface TrafficNode {
  /** Kiali's internal id, e.g. `wl_east_bookinfo_reviews-v1` (the JSON id is its SHA-256). */
  id: string;
  nodeType: NodeType;
  cluster: string;
  namespace: string;
  workload: string;
  app: string;
  version: string;
  service: string;
  edges: TrafficEdge[];
  /** Node rates: `httpIn`, `httpIn3xx`, `httpIn4xx`, `httpIn5xx`, `httpInNoResponse`, `httpOut`, `grpcIn`, `grpcInErr`, `grpcInNoResponse`, `grpcOut`, `tcpIn`, `tcpOut`. */
  rates: Map<string, number>;
  /** Keyed by `cluster namespace name`. */
  destServices: Map<string, ServiceName>;
  flags: NodeFlags;
}

/** Nodes by Kiali internal id. */
export type TrafficMap = Map<string, TrafficNode>;

/** Kiali's `graph.IsOK`: a label value that carries information. */
export function isOK(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== UNKNOWN;
}

/** Kiali's `graph.IsOKVersion`: `latest` is what Istio writes when there is no version label. */
export function isOKVersion(value: string | undefined): value is string {
  return isOK(value) && value !== 'latest';
}

/** Returns the existing edge source -> dest for the protocol, or adds one. */
export function edgeTo(source: TrafficNode, dest: TrafficNode, protocol: Protocol): TrafficEdge {
  const found = source.edges.find((e) => e.dest.id === dest.id && e.protocol === protocol);
  if (found) return found;
  const edge: TrafficEdge = {
    source,
    dest,
    protocol,
    rates: new Map(),
    responses: new Map(),
    seriesSeen: new Set(),
  };
  source.edges.push(edge);
  return edge;
}
