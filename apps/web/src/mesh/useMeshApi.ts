import type {
  CapabilitiesResponse,
  MeshProxiesResponse,
  MeshSyncDiffResponse,
} from '@meshlens/contract';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { getJson } from '../demo/apiClient';

/** How often the auto-refresh re-reads the proxy list. */
export const AUTO_REFRESH_MS = 5000;

/** Base path of a mesh API: the server's live mesh, or an uploaded bug-report archive. */
export function meshBase(upload: string | undefined): string {
  return upload ? `/api/bug-report/${encodeURIComponent(upload)}` : '/api/mesh';
}

/** Path of one proxy's endpoint under a mesh API base. */
export function proxyPath(base: string, id: string, what: 'config_dump' | 'sync-diff'): string {
  return `${base}/proxies/${encodeURIComponent(id)}/${what}`;
}

/** What the server offers (a live mesh or not, the upload limit); undefined on a static host. */
export function useCapabilities(): UseQueryResult<CapabilitiesResponse> {
  return useQuery({
    queryKey: ['capabilities'],
    queryFn: () => getJson<CapabilitiesResponse>('/api/capabilities'),
    staleTime: Infinity,
    retry: false,
  });
}

/** The proxy list with sync states, re-read every {@link AUTO_REFRESH_MS} while `auto` is on. */
export function useMeshProxies(base: string, auto: boolean): UseQueryResult<MeshProxiesResponse> {
  return useQuery({
    queryKey: ['mesh', base, 'proxies'],
    queryFn: () => getJson<MeshProxiesResponse>(`${base}/proxies`),
    refetchInterval: auto ? AUTO_REFRESH_MS : false,
    retry: false,
  });
}

/** istiod vs Envoy for one proxy; fetched only while the diff is open. */
export function useSyncDiff(
  base: string,
  id: string | undefined,
  enabled: boolean,
): UseQueryResult<MeshSyncDiffResponse> {
  return useQuery({
    queryKey: ['mesh', base, 'sync-diff', id],
    queryFn: () => getJson<MeshSyncDiffResponse>(proxyPath(base, id ?? '', 'sync-diff')),
    enabled: enabled && id !== undefined,
    retry: false,
  });
}
