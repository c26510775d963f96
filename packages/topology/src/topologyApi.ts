// Wire types of the topology page's own endpoints (the traffic graph itself is Kiali's JSON).
import type { ConfigGraph } from './config/configGraph';

/** Body of `GET /api/topology/config`: the graph, and what could not be read (a missing part degrades the graph, never fails it). */
export interface ConfigTopologyAnswer {
  graph: ConfigGraph;
  /** Sources that failed: istiod endpoints, individual proxies. */
  problems: string[];
  /**
   * How many proxies there are and how many dumps the graph read (summarised). Above `dumpLimit`
   * proxies, workloads come from the proxy list and their labels are inferred from pod names.
   */
  proxies?: { total: number; summarised: number; dumpLimit: number };
}

/** Body of `GET /api/topology/status`: what the topology page can ask for. */
export interface TopologyStatus {
  /** A mesh source is configured, so `/api/topology/config` answers. */
  config: boolean;
  /** The traffic graph (`/api/namespaces/graph`) is available. */
  traffic: boolean;
  /** The Prometheus the traffic graph reads (when available). */
  prometheus?: string;
  /** That Prometheus was started by `meshlens serve` for the demo mesh (and stops with it). */
  prometheusStarted?: boolean;
  /** Kiali's home cluster name the graph uses. */
  clusterName?: string;
  /** Why there is no traffic graph and how to fix it (when unavailable). */
  trafficUnavailable?: string;
}
