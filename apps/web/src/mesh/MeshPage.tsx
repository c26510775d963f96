import type { BugReportUploadResponse, MeshProxyInfo, MeshSourceInfo } from '@meshlens/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';
import { MeshScanBar } from './MeshScanBar';
import { MeshSourceBanner } from './MeshSourceBanner';
import { MeshTable } from './MeshTable';
import { MeshToolbar } from './MeshToolbar';
import { ProxyPanel } from './ProxyPanel';
import { filterMeshProxies } from './filterMeshProxies';
import type { MeshUrlState } from './meshUrlState';
import { type ProxyHealth, proxyHealth } from './proxyHealth';
import { type MeshSort, sortMeshProxies } from './sortMeshProxies';
import { useBugReportUpload } from './useBugReportUpload';
import { meshBase, useMeshProxies } from './useMeshApi';
import { useMeshScan } from './useMeshScan';
import { useOpenMeshProxy } from './useOpenMeshProxy';
import './mesh.css';
import './meshScan.css';

const emptyProxies: readonly MeshProxyInfo[] = [];

/**
 * The mesh page: every proxy of the server's mesh source (or of an uploaded bug-report archive)
 * with its sync state, filter, refresh and auto-refresh; a proxy opens as a dump tab, and its
 * istiod vs Envoy diff opens beside the list.
 */
export function MeshPage(props: {
  state: MeshUrlState;
  onStateChange: (update: (prev: MeshUrlState) => MeshUrlState) => void;
  /** The server's live source, from /api/capabilities (shown while the list loads or fails). */
  liveSource: MeshSourceInfo | undefined;
  load: (source: ParseSource) => Promise<OpenDump | undefined>;
  /** The open dump tabs: a proxy opened again replaces its tab with the fresh dump. */
  openDumps: readonly OpenDump[];
  onCloseDump: (id: number) => void;
  onOpened: (d: OpenDump) => void;
}): React.JSX.Element {
  const { state, onStateChange: set } = props;
  const base = meshBase(state.upload);
  // Uploaded archives never change: auto-refresh is for live sources.
  const [auto, setAuto] = useState(true);
  const list = useMeshProxies(base, auto && !state.upload);
  const queryClient = useQueryClient();
  const opener = useOpenMeshProxy(base, props.load);
  const uploader = useBugReportUpload((res: BugReportUploadResponse) =>
    set((prev) => {
      const { proxy: _p, ...rest } = prev;
      return { ...rest, upload: res.id, diff: false };
    }),
  );

  const scan = useMeshScan(base);
  const [sort, setSort] = useState<MeshSort>();

  const proxies = list.data?.proxies ?? emptyProxies;
  const shown = useMemo(
    () =>
      sortMeshProxies(
        filterMeshProxies(proxies, state.filter, state.health, scan.results),
        scan.results,
        sort,
      ),
    [proxies, state.filter, state.health, scan.results, sort],
  );
  const counts = useMemo(() => {
    const c: Record<ProxyHealth, number> = {
      synced: 0,
      stale: 0,
      error: 0,
      unreachable: 0,
      unknown: 0,
    };
    for (const p of proxies) c[proxyHealth(p)]++;
    return c;
  }, [proxies]);
  const selected = proxies.find((p) => p.id === state.proxy);
  const source = list.data?.source ?? (state.upload ? undefined : props.liveSource);
  // A bug-report holds what each proxy had, not what istiod would send it; Envoy admin alone has no istiod.
  const canDiff = source?.kind !== 'bug-report' && source?.kind !== 'envoy';

  const open = (p: MeshProxyInfo): void => {
    const previous = props.openDumps.find((d) => d.label === p.name);
    void opener.open(p).then((d) => {
      if (!d) return;
      if (previous) props.onCloseDump(previous.id);
      props.onOpened(d);
    });
  };

  return (
    <div className="mesh-page" data-testid="mesh-page">
      <MeshSourceBanner
        source={source}
        error={list.error}
        warnings={list.data?.warnings ?? []}
        isUpload={state.upload !== undefined}
        onBackToLive={() =>
          set((prev) => {
            const { upload: _u, proxy: _p, ...rest } = prev;
            return { ...rest, diff: false };
          })
        }
      />
      {uploader.error && (
        <div className="banner banner--error" role="alert" data-testid="mesh-upload-error">
          <span>{uploader.error}</span>
          <button type="button" className="link-btn" onClick={uploader.dismiss}>
            Dismiss
          </button>
        </div>
      )}
      <MeshToolbar
        filter={state.filter}
        health={state.health}
        counts={counts}
        shown={shown.length}
        total={proxies.length}
        auto={auto && !state.upload}
        autoAvailable={!state.upload}
        refreshing={list.isFetching}
        fetchedAt={list.data?.fetchedAt}
        uploadBusy={uploader.busy}
        onFilter={(filter) => set((prev) => ({ ...prev, filter }))}
        onHealth={(health) => set((prev) => ({ ...prev, health }))}
        // Refresh re-reads the list and an open diff (both live under ['mesh', base]).
        onRefresh={() => void queryClient.invalidateQueries({ queryKey: ['mesh', base] })}
        onAuto={setAuto}
        onUpload={(file) => void uploader.upload(file)}
      />
      <MeshScanBar scan={scan} proxies={proxies.length} />
      <div className="mesh-page__body">
        <div className="mesh-page__list">
          {list.isPending && <p className="muted mesh-page__empty">Listing the proxies…</p>}
          {list.isError && !list.data && (
            <p className="muted mesh-page__empty">
              No proxies: the source could not be read (see above).
            </p>
          )}
          {list.data && proxies.length === 0 && (
            <p className="muted mesh-page__empty">This source reports no proxies.</p>
          )}
          {proxies.length > 0 && shown.length === 0 && (
            <p className="muted mesh-page__empty" data-testid="mesh-empty">
              No proxy matches the filter.
            </p>
          )}
          {shown.length > 0 && (
            <MeshTable
              proxies={shown}
              scan={scan.progress ? scan.results : undefined}
              sort={sort}
              onSort={setSort}
              selected={state.proxy}
              busy={opener.busy}
              openErrors={opener.errors}
              openLabels={props.openDumps.map((d) => d.label)}
              canDiff={canDiff}
              onSelect={(p) =>
                set((prev) => (prev.proxy === p.id ? prev : { ...prev, proxy: p.id, diff: false }))
              }
              onOpen={open}
              onDiff={(p) => set((prev) => ({ ...prev, proxy: p.id, diff: true }))}
            />
          )}
        </div>
        {selected && (
          <ProxyPanel
            key={selected.id}
            base={base}
            proxy={selected}
            diffOpen={state.diff}
            canDiff={canDiff}
            busy={opener.busy.has(selected.id)}
            onOpen={() => open(selected)}
            onToggleDiff={(diff) => set((prev) => ({ ...prev, diff }))}
            onClose={() =>
              set((prev) => {
                const { proxy: _p, ...rest } = prev;
                return { ...rest, diff: false };
              })
            }
          />
        )}
      </div>
    </div>
  );
}
