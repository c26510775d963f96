/**
 * The normalised model of an Envoy admin `/config_dump` (v2alpha, v3 or the hybrid of the two).
 *
 * Every object keeps its original JSON in `raw` (never copied, never re-keyed) for the "raw" view;
 * every other field is read once, at the edge, from either the snake_case or the camelCase key.
 */

/** Any JSON value, as produced by `JSON.parse` or the YAML parser. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object. Only raw payloads use this type; domain types name their fields. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Lifecycle of a resource in the dump: which section of the admin dump it came from. */
export type ResourceState = 'static' | 'active' | 'warming' | 'draining' | 'error';

/** The proxy flavour, from the node id prefix (`sidecar~`, `router~`, `waypoint~`, `ztunnel~`). */
export type ProxyType = 'sidecar' | 'router' | 'waypoint' | 'ztunnel' | 'unknown';

/** Which xDS API generation the dump uses. `hybrid` = v3 admin wrappers around v2 resources. */
export type ApiVersion = 'v2' | 'v3' | 'hybrid' | 'unknown';

/** What the input file was. */
export type DumpShape =
  /** `{ "configs": [ ...admin.*ConfigDump ] }` from `/config_dump`. */
  | 'config-dump'
  /** A bare list of resources, e.g. `istioctl proxy-config cluster -o json`. */
  | 'resource-list'
  /** Envoy admin `/clusters?format=json` (`cluster_statuses`). */
  | 'admin-clusters'
  /** A single admin section object, e.g. one `ClustersConfigDump`. */
  | 'single-section';

/** The admin dump sections that can be present; `sections` lists those the input had. */
export type SectionKind =
  | 'bootstrap'
  | 'clusters'
  | 'endpoints'
  | 'listeners'
  | 'routes'
  | 'scopedRoutes'
  | 'secrets'
  | 'ecds';

/** Where a dump came from and how it was read. */
export interface DumpSource {
  fileName?: string;
  format: 'json' | 'yaml';
  gzip: boolean;
  shape: DumpShape;
  apiVersion: ApiVersion;
  /** Size of the (decompressed) input: bytes for byte input, UTF-16 code units for text input. */
  bytes: number;
}

/** An Envoy `core.Address`. */
export type Address =
  | { kind: 'socket'; ip: string; port: number | undefined; protocol: 'TCP' | 'UDP' }
  | { kind: 'pipe'; path: string }
  /** `envoy_internal_address` (Istio ambient / waypoint internal listeners). */
  | { kind: 'internal'; serverListenerName: string; endpointId?: string }
  | { kind: 'unknown' };

/** The proxy node: bootstrap `node` plus what Istio puts in its metadata. */
export interface ProxyNode {
  /** `node.id`, e.g. `sidecar~10.1.2.3~productpage-v1-abc.default~default.svc.cluster.local`. */
  id: string;
  /** `node.cluster`. */
  cluster?: string;
  proxyType: ProxyType;
  /** Pod name (`metadata.NAME` or from the id). */
  podName?: string;
  /** Namespace (`metadata.NAMESPACE` or from the id). */
  namespace?: string;
  /** Pod IP (`metadata.INSTANCE_IPS` first entry or from the id). */
  ip?: string;
  /** `metadata.ISTIO_VERSION`. */
  istioVersion?: string;
  /** `metadata.ISTIO_PROXY_SHA` without the `istio-proxy:` prefix (istioctl: "Istio Proxy Version"). */
  istioProxySha?: string;
  /**
   * Envoy version as istioctl prints it ("Envoy Version"): from `user_agent_build_version`
   * (`1.18.3/Clean/RELEASE/BoringSSL`, `1.26.0-dev/...` with a build label) or the older
   * `build_version` minus its leading sha; `0.0.0` when the node has neither (istioctl's zero value).
   */
  envoyVersion?: string;
  /** `metadata.MESH_ID`. */
  meshId?: string;
  /** `metadata.CLUSTER_ID`. */
  clusterId?: string;
  /** `metadata.LABELS`. */
  labels: Record<string, string>;
  /** The raw `node` object. */
  raw: JsonValue;
}

/** `BootstrapConfigDump`. */
export interface Bootstrap {
  node: ProxyNode | undefined;
  /** Names of the static clusters / listeners declared in the bootstrap. */
  staticClusterNames: string[];
  staticListenerNames: string[];
  /** Admin listener address, if any. */
  adminAddress?: Address;
  lastUpdated?: string;
  raw: JsonValue;
}

/** Common bookkeeping of every xDS resource in the dump. */
export interface ResourceMeta {
  state: ResourceState;
  /** `version_info` of the resource entry (or the section, for static resources). */
  versionInfo?: string;
  /** `last_updated` of the resource entry. */
  lastUpdated?: string;
  /** For `error` state: the NACK details from `error_state`. */
  errorDetails?: string;
}

/** A CIDR range from a filter chain match. */
export interface CidrRange {
  addressPrefix: string;
  prefixLen: number;
}

/** `FilterChainMatch`; absent fields are "match anything". */
export interface FilterChainMatch {
  destinationPort?: number;
  prefixRanges: CidrRange[];
  directSourcePrefixRanges: CidrRange[];
  /** `ANY` (default), `SAME_IP_OR_LOOPBACK` or `EXTERNAL`. */
  sourceType: 'ANY' | 'SAME_IP_OR_LOOPBACK' | 'EXTERNAL';
  sourcePrefixRanges: CidrRange[];
  sourcePorts: number[];
  serverNames: string[];
  transportProtocol?: string;
  applicationProtocols: string[];
}

/** An HTTP filter inside an HTTP connection manager. */
export interface HttpFilter {
  name: string;
  /** `typed_config.@type`, if inline. */
  typeUrl?: string;
  /** True when the filter's config comes from ECDS (`config_discovery`). */
  configDiscovery: boolean;
  raw: JsonValue;
}

/** Where an HTTP connection manager gets its routes from. */
export type RouteSource =
  | { kind: 'rds'; routeConfigName: string }
  | { kind: 'inline'; routeConfig: RouteConfig }
  | { kind: 'scoped'; scopedRoutesName?: string; scopeRouteConfigNames: string[] }
  | { kind: 'none' };

/** A weighted cluster of a TCP proxy or a route. */
export interface WeightedCluster {
  name: string;
  weight: number;
  /** `cluster_header` variant inside weighted clusters. */
  clusterHeader?: string;
  raw: JsonValue;
}

/** A network filter of a filter chain. Unknown filters are kept as `generic`, never dropped. */
export type NetworkFilter =
  | {
      kind: 'http_connection_manager';
      name: string;
      statPrefix?: string;
      routeSource: RouteSource;
      httpFilters: HttpFilter[];
      raw: JsonValue;
    }
  | {
      kind: 'tcp_proxy';
      name: string;
      statPrefix?: string;
      /** Target cluster (absent when weighted). */
      cluster?: string;
      weightedClusters: WeightedCluster[];
      /**
       * Envoy <= 1.12 `deprecated_v1` TCP proxy: the clusters of `route_config.routes[]`, in order
       * (`cluster` is then the first of them).
       */
      legacyRouteClusters?: string[];
      raw: JsonValue;
    }
  | { kind: 'generic'; name: string; typeUrl?: string; raw: JsonValue };

/** A filter chain of a listener. */
export interface FilterChain {
  /** `name`, or a generated `#<index>` when the chain is unnamed. */
  name: string;
  /** Position in `filter_chains`; `-1` for the default filter chain. */
  index: number;
  isDefault: boolean;
  match: FilterChainMatch;
  filters: NetworkFilter[];
  /** `transport_socket.name` (e.g. `envoy.transport_sockets.tls`), if any. */
  transportSocket?: string;
  /** SDS secret names of the chain's `DownstreamTlsContext` (`common_tls_context`), if any. */
  sdsSecrets?: string[];
  raw: JsonValue;
}

/** An Envoy listener. */
export interface Listener extends ResourceMeta {
  name: string;
  address: Address;
  additionalAddresses: Address[];
  trafficDirection: 'INBOUND' | 'OUTBOUND' | 'UNSPECIFIED';
  /** `use_original_dst` (v2/v3) or an `original_dst` listener filter. */
  useOriginalDst: boolean;
  bindToPort: boolean;
  /** Listener filter names (`tls_inspector`, `http_inspector`, `original_dst`...). */
  listenerFilters: string[];
  filterChains: FilterChain[];
  defaultFilterChain?: FilterChain;
  /** Raw `filter_chain_matcher` (xds unified matcher), when the listener uses one. */
  filterChainMatcher?: JsonValue;
  raw: JsonValue;
}

/** A string matcher (`envoy.type.matcher.v3.StringMatcher` or the legacy header forms). */
export type StringMatch =
  | { kind: 'exact' | 'prefix' | 'suffix' | 'contains'; value: string; ignoreCase: boolean }
  | { kind: 'safe_regex'; regex: string; ignoreCase: boolean };

/** One header matcher of a route match. */
export interface HeaderMatcher {
  name: string;
  invert: boolean;
  treatMissingAsEmpty: boolean;
  match:
    | { kind: 'string'; matcher: StringMatch }
    | { kind: 'present'; present: boolean }
    | { kind: 'range'; start: number; end: number }
    /** No match specifier: the header must be present. */
    | { kind: 'any' };
  raw: JsonValue;
}

/** One query parameter matcher. */
export interface QueryParameterMatcher {
  name: string;
  match: { kind: 'string'; matcher: StringMatch } | { kind: 'present'; present: boolean };
  raw: JsonValue;
}

/** How a route matches the path. */
export type PathMatch =
  | { kind: 'prefix'; value: string }
  | { kind: 'path'; value: string }
  | { kind: 'safe_regex'; regex: string }
  /** v2 `regex` (std::regex, ECMAScript in Envoy <1.13). */
  | { kind: 'regex'; regex: string }
  | { kind: 'path_separated_prefix'; value: string }
  | { kind: 'connect_matcher' }
  | { kind: 'path_match_policy'; raw: JsonValue }
  | { kind: 'none' };

/** `RouteMatch`. */
export interface RouteMatch {
  path: PathMatch;
  /** `case_sensitive`, default true. */
  caseSensitive: boolean;
  headers: HeaderMatcher[];
  queryParameters: QueryParameterMatcher[];
  /** `runtime_fraction` as numerator / denominator (100, 10000 or 1000000). */
  runtimeFraction?: { numerator: number; denominator: number; runtimeKey?: string };
  /** `grpc: {}` present. */
  grpc: boolean;
  raw: JsonValue;
}

/** Retry policy summary. */
export interface RetryPolicy {
  retryOn?: string;
  numRetries?: number;
  perTryTimeout?: string;
  raw: JsonValue;
}

/** Fields shared by the forwarding actions (cluster, weighted clusters, cluster header). */
export interface ForwardOptions {
  timeout?: string;
  idleTimeout?: string;
  retryPolicy?: RetryPolicy;
  /** `request_mirror_policies` (v3) / `request_mirror_policy` (v2). */
  mirrors: { cluster: string; runtimeFraction?: { numerator: number; denominator: number } }[];
  prefixRewrite?: string;
  regexRewrite?: { regex: string; substitution: string };
  hostRewriteLiteral?: string;
  autoHostRewrite?: boolean;
}

/** Redirect details (`RedirectAction`). */
export interface Redirect {
  schemeRedirect?: string;
  httpsRedirect: boolean;
  hostRedirect?: string;
  portRedirect?: number;
  pathRedirect?: string;
  prefixRewrite?: string;
  regexRewrite?: { regex: string; substitution: string };
  /** Envoy enum name, default `MOVED_PERMANENTLY` (301). */
  responseCode: string;
  stripQuery: boolean;
}

/** What a route does. */
export type RouteAction =
  | { kind: 'cluster'; cluster: string; options: ForwardOptions }
  | {
      kind: 'weighted_clusters';
      clusters: WeightedCluster[];
      /** Sum of weights (or `total_weight` when set). */
      totalWeight: number;
      runtimeKeyPrefix?: string;
      options: ForwardOptions;
    }
  | { kind: 'cluster_header'; header: string; options: ForwardOptions }
  | { kind: 'redirect'; redirect: Redirect }
  | { kind: 'direct_response'; status: number; body?: string }
  | { kind: 'non_forwarding' }
  | { kind: 'unknown'; raw: JsonValue };

/** A reference to the Istio config object that produced an Envoy object (from `filter_metadata.istio.config`). */
export interface IstioConfigRef {
  kind: 'VirtualService' | 'DestinationRule' | 'Gateway' | 'ServiceEntry' | 'Sidecar' | string;
  name: string;
  namespace: string;
  /** The original path, e.g. `/apis/networking.istio.io/v1alpha3/namespaces/default/virtual-service/reviews`. */
  path: string;
}

/** A route inside a virtual host. */
export interface Route {
  name?: string;
  /** Position in the virtual host's `routes`. */
  index: number;
  match: RouteMatch;
  action: RouteAction;
  /** The VirtualService behind the route (Istio route metadata). */
  istioConfig?: IstioConfigRef;
  /** `decorator.operation`. */
  decorator?: string;
  raw: JsonValue;
}

/** A virtual host. */
export interface VirtualHost {
  name: string;
  domains: string[];
  routes: Route[];
  /** `require_tls`: `NONE`, `EXTERNAL_ONLY` or `ALL`. */
  requireTls: 'NONE' | 'EXTERNAL_ONLY' | 'ALL';
  raw: JsonValue;
}

/** A route configuration, from RDS, the static section, or inline in a listener. */
export interface RouteConfig extends ResourceMeta {
  name: string;
  virtualHosts: VirtualHost[];
  /** True for a route config found inline in an HTTP connection manager. */
  inline: boolean;
  raw: JsonValue;
}

/** A scoped route configuration (`ScopedRoutesConfigDump`). */
export interface ScopedRouteConfig extends ResourceMeta {
  name: string;
  routeConfigurationName?: string;
  /** The `scoped_routes.name` of the HTTP connection manager this scope belongs to. */
  scopedRoutesName?: string;
  raw: JsonValue;
}

/** TLS of a cluster's upstream connections. */
export interface ClusterTls {
  transportSocket: string;
  sni?: string;
  /** Names of SDS secrets the TLS context uses. */
  sdsSecrets: string[];
  /** Istio's `ISTIO_MUTUAL` auto-mTLS (a `tls_mode` transport socket match or Istio SDS names). */
  istioMutual: boolean;
}

/** One circuit breaker threshold set. */
export interface CircuitBreakerThresholds {
  priority: 'DEFAULT' | 'HIGH';
  maxConnections?: number;
  maxPendingRequests?: number;
  maxRequests?: number;
  maxRetries?: number;
}

/** Parsed Istio cluster name: `outbound|9080|v1|reviews.default.svc.cluster.local`. */
export interface IstioClusterName {
  direction: 'inbound' | 'outbound' | 'inbound-vip' | 'outbound-vip' | string;
  port: number | undefined;
  subset: string;
  host: string;
}

/** An Envoy cluster. */
export interface Cluster extends ResourceMeta {
  name: string;
  /** `type` (`EDS`, `STATIC`, `STRICT_DNS`, `LOGICAL_DNS`, `ORIGINAL_DST`) or `cluster_type.name`. */
  type: string;
  edsServiceName?: string;
  lbPolicy: string;
  connectTimeout?: string;
  tls?: ClusterTls;
  circuitBreakers: CircuitBreakerThresholds[];
  /** Raw `outlier_detection`, when set. */
  outlierDetection?: JsonValue;
  /** The Istio name decoded, when the name has Istio's `dir|port|subset|host` shape. */
  istioName?: IstioClusterName;
  /** The DestinationRule behind the cluster (Istio cluster metadata). */
  istioConfig?: IstioConfigRef;
  /** Aggregate clusters: the clusters it fans out to. */
  aggregateClusters: string[];
  raw: JsonValue;
}

/** Endpoint health, Envoy's `HealthStatus` enum names. */
export type HealthStatus =
  'UNKNOWN' | 'HEALTHY' | 'UNHEALTHY' | 'DRAINING' | 'TIMEOUT' | 'DEGRADED';

/** One upstream host. */
export interface Endpoint {
  address: Address;
  healthStatus: HealthStatus;
  /** From `/clusters?format=json`: whether outlier detection ejected the host. */
  outlierCheck?: 'OK' | 'FAILED';
  locality?: { region?: string; zone?: string; subZone?: string };
  weight?: number;
  priority: number;
  hostname?: string;
  raw: JsonValue;
}

/** Endpoints of one cluster (EDS `ClusterLoadAssignment`, static load assignment, or admin `/clusters`). */
export interface ClusterEndpoints {
  clusterName: string;
  source: 'eds' | 'static' | 'cluster-load-assignment' | 'admin-clusters';
  endpoints: Endpoint[];
  raw: JsonValue;
}

/** X.509 facts read from a certificate in a secret. */
export interface CertificateInfo {
  serialNumber?: string;
  notBefore?: string;
  notAfter?: string;
  subject?: string;
  subjectAltNames: string[];
}

/** An SDS secret. */
export interface Secret extends ResourceMeta {
  name: string;
  /** istioctl's TYPE column: `Cert Chain`, `CA`, or empty when unknown. */
  kind: 'cert_chain' | 'ca' | 'generic' | 'session_ticket' | 'unknown';
  certificates: CertificateInfo[];
  raw: JsonValue;
}

/** An ECDS extension config. */
export interface ExtensionConfig extends ResourceMeta {
  name: string;
  typeUrl?: string;
  raw: JsonValue;
}

/** A non-fatal problem found while reading. */
export interface ParseWarning {
  code:
    | 'unknown_type'
    | 'unknown_section'
    | 'malformed_resource'
    | 'duplicate_name'
    | 'unsupported_field';
  message: string;
  /** JSON path of the offending object, e.g. `configs[2].dynamic_active_clusters[4]`. */
  path?: string;
}

/** A typed, fatal reading error. Never thrown: returned in `ParseResult`. */
export interface DumpError {
  code: 'empty' | 'invalid_json' | 'invalid_yaml' | 'not_a_config_dump' | 'gzip' | 'too_large';
  /** A sentence a person can act on. */
  message: string;
  line?: number;
  column?: number;
  /** What the reader expected, for `not_a_config_dump`. */
  expected?: string;
  /** What it found instead. */
  found?: string;
}

/** A pointer to an object in the model (used by the reference index and diagnostics). */
export type ObjectRef =
  | { kind: 'listener'; name: string }
  | { kind: 'filter_chain'; listener: string; index: number }
  | { kind: 'route_config'; name: string }
  | { kind: 'virtual_host'; routeConfig: string; name: string }
  | { kind: 'route'; routeConfig: string; virtualHost: string; index: number }
  | { kind: 'cluster'; name: string }
  | { kind: 'endpoints'; cluster: string }
  | { kind: 'secret'; name: string }
  | { kind: 'extension_config'; name: string };

/** One edge of the reference graph. */
export interface Reference {
  from: ObjectRef;
  to: ObjectRef;
  /** What kind of use: an RDS name, a route's target cluster, a weighted target, a mirror... */
  via:
    | 'rds'
    | 'inline_route'
    | 'scoped_rds'
    | 'route_cluster'
    | 'weighted_cluster'
    | 'mirror_cluster'
    | 'tcp_cluster'
    | 'eds'
    | 'sds'
    | 'ecds'
    | 'aggregate';
  /** Weight, for weighted references. */
  weight?: number;
}

/** A name used but not defined in the dump. */
export interface DanglingReference {
  from: ObjectRef;
  via: Reference['via'];
  /** The missing name. */
  name: string;
  /** What kind of object the name should have named. */
  expected: 'route_config' | 'cluster' | 'endpoints' | 'secret' | 'extension_config';
}

/** Lookup tables over the model, built once after normalisation. */
export interface DumpIndex {
  listenerByName: Map<string, Listener>;
  routeConfigByName: Map<string, RouteConfig>;
  clusterByName: Map<string, Cluster>;
  endpointsByCluster: Map<string, ClusterEndpoints>;
  secretByName: Map<string, Secret>;
  extensionConfigByName: Map<string, ExtensionConfig>;
  /** Every reference that resolved. */
  references: Reference[];
  /** Every reference that did not (only for sections the dump actually contains). */
  dangling: DanglingReference[];
}

/** The whole normalised dump. */
export interface ConfigDump {
  source: DumpSource;
  /** Sections the input had (a partial dump has only some). */
  sections: SectionKind[];
  node?: ProxyNode;
  bootstrap?: Bootstrap;
  listeners: Listener[];
  /** RDS/static route configs; inline ones are reachable from their listener (and `inline: true`). */
  routeConfigs: RouteConfig[];
  scopedRouteConfigs: ScopedRouteConfig[];
  clusters: Cluster[];
  endpoints: ClusterEndpoints[];
  secrets: Secret[];
  extensionConfigs: ExtensionConfig[];
  warnings: ParseWarning[];
  index: DumpIndex;
}

/** Result of reading a dump: a model or a typed error, never an exception. */
export type ParseResult = { ok: true; dump: ConfigDump } | { ok: false; error: DumpError };

/** Options for `parseConfigDump`. */
export interface ParseOptions {
  fileName?: string;
  /** Progress callback, 0..1, for the browser worker. */
  onProgress?: (fraction: number) => void;
  /** Reject inputs larger than this many bytes (after decompression) with `too_large`. */
  maxBytes?: number;
}
