import type { ConfigTopologyAnswer, KialiGraphResponse, TopologyStatus } from '@meshlens/topology';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { getJson } from '../demo/apiClient';
import type { TopoGraphType } from './topoUrlState';

/** How often the traffic graph is re-read while shown. */
export const TRAFFIC_REFRESH_MS = 10_000;

/** What the server offers (config source, Prometheus or why not). */
export function useTopologyStatus(): UseQueryResult<TopologyStatus> {
  return useQuery({
    queryKey: ['topology', 'status'],
    queryFn: () => getJson<TopologyStatus>('/api/topology/status'),
    staleTime: Infinity,
    retry: false,
  });
}

/** The config graph of the server's mesh source. */
export function useConfigTopology(enabled: boolean): UseQueryResult<ConfigTopologyAnswer> {
  return useQuery({
    queryKey: ['topology', 'config'],
    queryFn: () => getJson<ConfigTopologyAnswer>('/api/topology/config'),
    enabled,
    retry: false,
    staleTime: 30_000,
  });
}

/** Kiali's graph API request of the page. */
export function trafficGraphPath(
  namespaces: readonly string[],
  graphType: TopoGraphType,
  duration: string,
): string {
  const q = new URLSearchParams({
    namespaces: namespaces.join(','),
    graphType,
    duration,
    injectServiceNodes: 'true',
    boxBy: 'app',
    appenders: 'deadNode,istio,serviceEntry,responseTime,securityPolicy,throughput',
    responseTime: '95',
  });
  return `/api/namespaces/graph?${q.toString()}`;
}

/** The traffic graph, re-read every {@link TRAFFIC_REFRESH_MS}. */
export function useTrafficGraph(path: string | undefined): UseQueryResult<KialiGraphResponse> {
  return useQuery({
    queryKey: ['topology', 'traffic', path],
    queryFn: () => getJson<KialiGraphResponse>(path ?? ''),
    enabled: path !== undefined,
    retry: false,
    refetchInterval: TRAFFIC_REFRESH_MS,
    placeholderData: (prev) => prev,
  });
}
