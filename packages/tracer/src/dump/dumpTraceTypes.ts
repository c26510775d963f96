import type { FilterChain, Listener, ObjectRef, RouteConfig } from '@meshlens/configdump';
import type { HttpRequest, RouteTraceOptions } from '../routeRequest';
import type { RouteTrace, TraceStep } from '../routeTraceTypes';
import type { ConnectionInput } from './connection';
import type { ClusterResolution } from './resolveCluster';

/** Final outcome of a full-dump trace (envoy-routing.md §11). */
export type DumpTraceOutcome =
  | 'refused'
  | 'closed_no_filter_chain'
  | 'tcp_forward'
  | 'tcp_blackhole'
  | 'http_route'
  | 'http_no_route'
  | 'http_cluster_not_found'
  | 'http_redirect'
  | 'http_direct_response'
  /** Depends on something unknown (random value for a weighted split). */
  | 'conditional'
  | 'unsupported';

/** A step of a full trace: the route-level steps plus the connection-level ones. */
export interface DumpTraceStep extends Omit<TraceStep, 'kind'> {
  kind:
    | TraceStep['kind']
    | 'listener'
    | 'filter_chain'
    | 'network_filters'
    | 'http_filters'
    | 'route_config'
    | 'cluster';
  ref?: ObjectRef;
}

/** What to trace: the connection and, for HTTP, the request. */
export interface DumpTraceInput {
  connection: ConnectionInput;
  /** Absent for a plain TCP connection. */
  request?: HttpRequest;
  options?: RouteTraceOptions;
}

/** The result of tracing a connection (and request) through one proxy's config dump. */
export interface DumpTrace {
  outcome: DumpTraceOutcome;
  summary: string;
  steps: DumpTraceStep[];
  listener?: Listener;
  filterChain?: FilterChain;
  routeConfig?: RouteConfig;
  routeTrace?: RouteTrace;
  /** The target cluster(s): one, or every branch of an undecided weighted split. */
  clusters: ClusterResolution[];
  /** What the trace assumed because the input did not say (destination IP, random value...). */
  assumptions: string[];
}
