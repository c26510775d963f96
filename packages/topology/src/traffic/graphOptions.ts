import type { GraphType } from './trafficMap';

/** `rateHttp`: which HTTP traffic to show. */
export type HttpRate = 'requests' | 'none';
/** `rateGrpc`: gRPC requests, or message counts sent/received/total. */
export type GrpcRate = 'requests' | 'sent' | 'received' | 'total' | 'none';
/** `rateTcp`: bytes sent/received/total. */
export type TcpRate = 'sent' | 'received' | 'total' | 'none';
/** `ambientTraffic`: which ambient telemetry to include. */
export type AmbientTraffic = 'total' | 'waypoint' | 'ztunnel' | 'none';

/** The node of a node-detail graph (`/api/namespaces/{ns}/{workloads|applications|services}/...`). */
export interface GraphNodeSelector {
  kind: 'workload' | 'app' | 'service';
  namespace: string;
  /** Set for `workloads/{name}`. */
  workload?: string;
  /** Set for `applications/{name}` (and its versions). */
  app?: string;
  /** Set for `applications/{app}/versions/{version}`. */
  version?: string;
  /** Set for `services/{name}`. */
  service?: string;
}

/** One graph request, with Kiali's defaults applied (`graph/options.go`). */
export interface KialiGraphOptions {
  graphType: GraphType;
  /** `duration` in seconds (Kiali default 10m). */
  duration: number;
  /** `queryTime` in unix seconds (default: now). */
  queryTime: number;
  /** Requested namespaces (namespace graph) or the node's namespace (node graph). */
  namespaces: string[];
  /** `injectServiceNodes` (forced true for service graphs). */
  injectServiceNodes: boolean;
  /** `includeIdleEdges`: drops the `> 0` filter so zero-rate series become idle edges. */
  includeIdleEdges: boolean;
  /** `boxBy`: any of `app`, `namespace`, `cluster`. */
  boxBy: string[];
  /** Requested appenders; `all` when the parameter is absent (Kiali's default). */
  appenders: 'all' | Set<string>;
  rates: { http: HttpRate; grpc: GrpcRate; tcp: TcpRate };
  ambientTraffic: AmbientTraffic;
  /** `responseTime`: `avg`, or the quantile `50`, `95`, `99`. */
  responseTime: 'avg' | '50' | '95' | '99';
  /** `throughputType`. */
  throughputType: 'request' | 'response';
  /** `waypoints` (ambient appender): keep waypoint nodes (default) or remove them. */
  waypoints: boolean;
  /** `clusterName` of the request (node graphs narrow their queries by it). */
  clusterName?: string;
  /** Present for node-detail graphs. */
  node?: GraphNodeSelector;
}

/** True when the appender was requested (explicitly or by omitting `appenders`). */
export function wantsAppender(options: KialiGraphOptions, name: string): boolean {
  return options.appenders === 'all' || options.appenders.has(name);
}
