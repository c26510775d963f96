import { useRef } from 'react';
import { type ProxyHealth, proxyHealths } from './proxyHealth';

/** Filter, health, refresh, auto-refresh and bug-report upload above the proxy list. */
export function MeshToolbar(props: {
  filter: string;
  health: ProxyHealth | 'all';
  counts: Record<ProxyHealth, number>;
  shown: number;
  total: number;
  auto: boolean;
  /** Auto-refresh makes sense only for a live source (an uploaded archive never changes). */
  autoAvailable: boolean;
  refreshing: boolean;
  fetchedAt: string | undefined;
  uploadBusy: boolean;
  onFilter: (text: string) => void;
  onHealth: (h: ProxyHealth | 'all') => void;
  onRefresh: () => void;
  onAuto: (on: boolean) => void;
  onUpload: (file: File) => void;
}): React.JSX.Element {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="mesh-toolbar">
      <input
        className="input mesh-toolbar__filter"
        type="search"
        placeholder="Filter: name, namespace, type, version, state…"
        aria-label="Filter proxies"
        data-testid="mesh-filter"
        value={props.filter}
        onChange={(e) => props.onFilter(e.target.value)}
      />
      <select
        className="input"
        aria-label="Sync state"
        data-testid="mesh-health"
        value={props.health}
        onChange={(e) => props.onHealth(e.target.value as ProxyHealth | 'all')}
      >
        <option value="all">all states ({props.total})</option>
        {proxyHealths.map((h) => (
          <option key={h} value={h}>
            {h} ({props.counts[h]})
          </option>
        ))}
      </select>
      <span className="muted" data-testid="mesh-count">
        {props.shown} of {props.total} proxies
      </span>
      <span className="mesh-toolbar__spacer" />
      <span className="muted" title={props.fetchedAt}>
        {props.fetchedAt ? `updated ${new Date(props.fetchedAt).toLocaleTimeString()}` : ''}
      </span>
      <label className="mesh-toolbar__auto">
        <input
          type="checkbox"
          data-testid="mesh-auto-refresh"
          checked={props.auto}
          disabled={!props.autoAvailable}
          onChange={(e) => props.onAuto(e.target.checked)}
        />{' '}
        auto-refresh (5 s)
      </label>
      <button
        type="button"
        className="btn"
        data-testid="mesh-refresh"
        disabled={props.refreshing}
        onClick={props.onRefresh}
      >
        {props.refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="mesh-upload"
        disabled={props.uploadBusy}
        title="Open an istioctl bug-report .tar.gz as a mesh (read by the server, kept in memory)"
        onClick={() => fileInput.current?.click()}
      >
        {props.uploadBusy ? 'Uploading…' : 'Bug report…'}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".tar.gz,.tgz,application/gzip"
        hidden
        data-testid="mesh-upload-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onUpload(file);
        }}
      />
    </div>
  );
}
