/** Rates of one protocol on a node or edge, as Kiali's JSON carries them (strings). */
export interface KialiProtocolTraffic {
  protocol: string;
  rates?: Record<string, string>;
  responses?: Record<string, { flags?: Record<string, string>; hosts?: Record<string, string> }>;
}

/** Kiali's `NodeData` (fields omitted when empty/false; `healthData` always present). */
export interface KialiNodeData {
  id: string;
  parent?: string;
  nodeType: string;
  cluster: string;
  namespace: string;
  workload?: string;
  app?: string;
  version?: string;
  service?: string;
  destServices?: { cluster: string; namespace: string; name: string }[];
  traffic?: KialiProtocolTraffic[];
  /** Health is not computed here (Kiali's health appender needs Kubernetes): always null. */
  healthData: null;
  isBox?: string;
  isIdle?: boolean;
  isInaccessible?: boolean;
  isInjected?: boolean;
  isOutside?: boolean;
  isRoot?: boolean;
  isWaypoint?: boolean;
}

/** Kiali's `EdgeData`. */
export interface KialiEdgeData {
  id: string;
  source: string;
  target: string;
  destPrincipal?: string;
  isMTLS?: string;
  responseTime?: string;
  sourcePrincipal?: string;
  throughput?: string;
  traffic?: KialiProtocolTraffic;
  waypoint?: { direction: 'to' | 'from'; fromEdge?: KialiEdgeData };
}

/** The body of Kiali's graph API (`/api/namespaces/graph` and the node graphs). */
export interface KialiGraphResponse {
  timestamp: number;
  duration: number;
  graphType: string;
  elements: { nodes: { data: KialiNodeData }[]; edges: { data: KialiEdgeData }[] };
}
