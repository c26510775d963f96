import type { JsonObject, ObjectRef, RetryPolicy, Route, VirtualHost } from '@meshlens/configdump';
import type { HeaderList } from './headerList';
import type { WeightedPick } from './pickWeightedCluster';

/** What happens to the request at the route level (see the outcome taxonomy in envoy-routing.md §11). */
export type RouteOutcome =
  /** Forwarded to a cluster (or to one branch of a weighted split). */
  | 'forward'
  /** No virtual host or no route: Envoy answers 404 (`NR`). */
  | 'no_route'
  /** A `RedirectAction`, or the TLS redirect of `require_tls`. */
  | 'redirect'
  /** A `DirectResponseAction`. */
  | 'direct_response'
  /** An action the tracer cannot follow (`non_forwarding_action`, cluster specifier plugins...). */
  | 'unsupported';

/** One step of a trace, shown as a paragraph: what was decided and why. */
export interface TraceStep {
  kind:
    | 'virtual_host'
    | 'require_tls'
    | 'route'
    | 'action'
    | 'rewrite'
    | 'headers'
    | 'virtual_cluster'
    | 'policy';
  /** One-line summary, e.g. `virtual host "reviews.default.svc.cluster.local:9080"`. */
  title: string;
  /** Sentences explaining the decision, including why earlier candidates lost. */
  explanation: string[];
  /** The config object the step refers to. */
  ref?: ObjectRef;
}

/** A route that was tried before the winner, and why it did not match. */
export interface RejectedRoute {
  index: number;
  name?: string;
  reason: string;
  /** Set when it would have matched with this probability (runtime fraction, no random value). */
  probability?: number;
}

/** The full result of routing one request through one route configuration. */
export interface RouteTrace {
  outcome: RouteOutcome;
  /** One sentence: where the request goes. */
  summary: string;
  steps: TraceStep[];
  virtualHost?: VirtualHost;
  route?: Route;
  rejected: RejectedRoute[];
  /** Target cluster name; `''` when a `cluster_header` was absent (Envoy: cluster not found). */
  cluster?: string;
  /** The weighted split, when the route has one. */
  weighted?: WeightedPick;
  redirect?: { location: string; status: number; tlsRedirect: boolean };
  /** For direct responses: the status, the body and the URI router_check reports. */
  directResponse?: { status: number; body: string; uri: string };
  /** Request headers after the route's mutations and rewrites (what the upstream receives). */
  requestHeaders: HeaderList;
  /** Response headers after the route's mutations (local reply headers for redirects/direct responses). */
  responseHeaders: HeaderList;
  /** Virtual cluster name (`other` for the catch-all), when the vhost defines virtual clusters. */
  virtualCluster?: string;
  /** Upstream request timeout in seconds (Envoy default 15; 0 = disabled). */
  timeoutSeconds?: number;
  retryPolicy?: RetryPolicy;
  /** `metadata.filter_metadata` of the chosen route. */
  routeMetadata?: JsonObject;
  /** Things the trace could not know and assumed (unknown formatters, hash policies...). */
  assumptions: string[];
}
