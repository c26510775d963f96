import type { DemoProxyListResponse, DemoProxySummary } from '@meshlens/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';
import { getBlob, getJson } from './apiClient';
import { pickInitialDemoProxies } from './pickDemoProxies';

const listKey = ['demo', 'proxies'] as const;

/** The demo mesh: its proxy list (react-query) and actions to open proxies in the parse worker. */
export function useDemoMesh(load: (source: ParseSource) => Promise<OpenDump | undefined>): {
  proxies: DemoProxySummary[] | undefined;
  busy: boolean;
  error: string | undefined;
  /** Opens productpage's sidecar and the ingress gateway; resolves to those that opened. */
  start: () => Promise<OpenDump[]>;
  open: (p: DemoProxySummary) => Promise<OpenDump | undefined>;
} {
  const queryClient = useQueryClient();
  const [started, setStarted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const list = useQuery({
    queryKey: listKey,
    queryFn: () => getJson<DemoProxyListResponse>('/api/demo/proxies'),
    enabled: started,
    staleTime: Infinity,
  });

  const open = useCallback(
    async (p: DemoProxySummary): Promise<OpenDump | undefined> => {
      const blob = await queryClient.fetchQuery({
        queryKey: ['demo', 'config_dump', p.podName],
        queryFn: () => getBlob(p.configDumpUrl),
        staleTime: Infinity,
      });
      return load({ kind: 'blob', name: p.fileName, blob });
    },
    [load, queryClient],
  );

  const start = useCallback(async (): Promise<OpenDump[]> => {
    setStarted(true);
    setBusy(true);
    setError(undefined);
    try {
      const res = await queryClient.fetchQuery({
        queryKey: listKey,
        queryFn: () => getJson<DemoProxyListResponse>('/api/demo/proxies'),
        staleTime: Infinity,
      });
      const opened = await Promise.all(pickInitialDemoProxies(res.proxies).map((p) => open(p)));
      return opened.filter((d): d is OpenDump => d !== undefined);
    } catch (err) {
      setError(`Could not load the demo mesh: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    } finally {
      setBusy(false);
    }
  }, [open, queryClient]);

  return { proxies: list.data?.proxies, busy, error, start, open };
}
