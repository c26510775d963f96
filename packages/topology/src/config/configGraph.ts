// The neutral graph of what the configuration allows (no traffic needed): nodes, edges and the
// sources that produced them. Only the web app's graph adapter turns it into drawing elements.

/** What a config-graph node stands for. */
export type ConfigNodeKind =
  /** A service host: Kubernetes Service, ServiceEntry host, or a host only a proxy knows. */
  | 'service'
  /** A DestinationRule subset of a service (`host` + `subset`). */
  | 'subset'
  /** A workload (from a proxy dump): pods of one deployment/version. */
  | 'workload'
  /** An Istio Gateway. */
  | 'gateway'
  /** An Istio VirtualService. */
  | 'virtualService'
  /** An Istio Sidecar (egress scoping). */
  | 'sidecar';

/** Where a node or edge was learnt from. */
export type ConfigSource =
  | 'registry'
  | 'config'
  /** A proxy's (summarised) config dump. */
  | 'proxy'
  /** The mesh's proxy list alone (istiod syncz): a workload whose dump was not read. */
  | 'proxyList';

/** A node of the config graph. */
export interface ConfigGraphNode {
  /** Stable id, e.g. `svc:reviews.bookinfo.svc.cluster.local`, `vs:bookinfo/reviews`, `wl:bookinfo/reviews-v2`. */
  id: string;
  kind: ConfigNodeKind;
  name: string;
  namespace: string;
  /** Service host (services and subsets). */
  host?: string;
  /** Subset name (subsets). */
  subset?: string;
  /** Subset labels, Gateway/Sidecar workload selector, or workload labels. */
  labels?: Record<string, string>;
  /** `app` / `version` labels of a workload. */
  app?: string;
  version?: string;
  /** Service ports (registryz `ports`, ServiceEntry `ports`, or ports seen in outbound clusters). */
  ports?: { port: number; name?: string; protocol?: string }[];
  /** The ServiceEntry that declares this host. */
  serviceEntry?: { name: string; namespace: string; location?: string };
  /** registryz `MeshExternal` / ServiceEntry `MESH_EXTERNAL`. */
  meshExternal?: boolean;
  /** DestinationRule traffic-policy sections applying here (`connectionPool`, `outlierDetection`, `tls`, `loadBalancer`). */
  policies?: string[];
  /** The proxy type of a workload (`sidecar`, `router`...). */
  proxyType?: string;
  /** Workload labels guessed from the pod name (its dump was not read), see `listedProxyWorkload`. */
  labelsInferred?: boolean;
  /**
   * Workloads: no Sidecar scopes it, so by Istio's default it can reach every service of the mesh
   * (views summarise this instead of drawing an edge to every service).
   */
  reachesAll?: boolean;
  /** Referenced by configuration but defined nowhere we can see (a likely misconfiguration). */
  unresolved?: boolean;
  sources: ConfigSource[];
}

/** What a config-graph edge means. */
export type ConfigEdgeKind =
  /** Gateway -> VirtualService bound to it (`spec.gateways`), or gateway proxy -> VirtualService it serves. */
  | 'binds'
  /** VirtualService -> service or subset a route sends to (with weight). */
  | 'routes'
  /** Subset -> its service. */
  | 'subsetOf'
  /** Service or subset -> a workload behind it (endpoint IPs or subset labels). */
  | 'selects'
  /** Workload -> a service its outbound clusters can reach (what Sidecar scoping left). */
  | 'reaches'
  /** Sidecar -> a service its egress hosts allow. */
  | 'allows'
  /** Sidecar or Gateway -> the workloads it selects. */
  | 'applies';

/** An edge of the config graph. */
export interface ConfigGraphEdge {
  id: string;
  source: string;
  target: string;
  kind: ConfigEdgeKind;
  /** Route weight in percent (routes). */
  weight?: number;
  /** `http`, `tcp` or `tls` route (routes). */
  protocol?: 'http' | 'tcp' | 'tls';
  /** Route name or `http[0]`-style position (routes). */
  route?: string;
  /** Ports (reaches: outbound cluster ports; routes: destination port). */
  ports?: number[];
  /** Who says so: `configz`, `registryz`, or `proxy:<pod>.<namespace>`. */
  origins: string[];
}

/** Per-namespace counts, and how far its workloads can reach (Sidecar scoping). */
export interface ConfigNamespaceSummary {
  namespace: string;
  services: number;
  workloads: number;
  /** Workloads no Sidecar scopes (Istio's default: they reach every service of the mesh). */
  reachAll: number;
  /** Sidecar objects of the namespace. */
  sidecars: number;
}

/** The config topology. */
export interface ConfigGraph {
  nodes: ConfigGraphNode[];
  edges: ConfigGraphEdge[];
  /** One entry per namespace with nodes, sorted by name. */
  namespaces: ConfigNamespaceSummary[];
  /** Things that look wrong (unknown hosts, undefined subsets, unbound gateways). */
  warnings: string[];
}
