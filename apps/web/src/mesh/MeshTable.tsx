import type { MeshProxyInfo, MeshScanProxyResult, XdsType } from '@meshlens/contract';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { ApiErrorText, SourceErrorText } from './SourceErrorText';
import { proxyHealth, syncStateTone } from './proxyHealth';
import type { MeshSort, MeshSortColumn, MeshSummaryColumn } from './sortMeshProxies';

/** istioctl proxy-status column order. */
const xdsColumns: readonly XdsType[] = ['CDS', 'LDS', 'EDS', 'RDS', 'ECDS'];

/** The scan's summary columns: header, tooltip and how a value reads. */
const summaryColumns: readonly { key: MeshSummaryColumn; header: string; title: string }[] = [
  { key: 'listeners', header: 'Lis', title: 'Listeners' },
  { key: 'routes', header: 'Rts', title: 'Route configurations' },
  { key: 'clusters', header: 'Clu', title: 'Clusters' },
  { key: 'endpoints', header: 'EPs', title: 'Endpoints (hosts over every cluster)' },
  { key: 'secrets', header: 'Sec', title: 'SDS secrets' },
  { key: 'dumpBytes', header: 'MB', title: 'Config dump size' },
  { key: 'fetchMs', header: 'ms', title: 'Fetch + parse time' },
  { key: 'errors', header: 'Err', title: 'meshlens check errors' },
  { key: 'warnings', header: 'Warn', title: 'meshlens check warnings' },
];

const summaryText = (key: MeshSummaryColumn, v: number): string =>
  key === 'dumpBytes' ? (v / 1e6).toFixed(2) : String(v);

/** Estimated row height; rows with an error line are measured. */
const rowHeight = 33;

function SortHeader(props: {
  column: MeshSortColumn;
  sort: MeshSort | undefined;
  onSort: (sort: MeshSort | undefined) => void;
  className?: string;
  title?: string;
  children: React.ReactNode;
}): React.JSX.Element {
  const dir = props.sort?.column === props.column ? (props.sort.desc ? 'desc' : 'asc') : undefined;
  // asc -> desc -> unsorted, like the dump tables.
  const next = (): MeshSort | undefined =>
    dir === undefined
      ? { column: props.column, desc: false }
      : dir === 'asc'
        ? { column: props.column, desc: true }
        : undefined;
  return (
    <th
      className={props.className}
      title={props.title}
      data-column={props.column}
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="th-btn" onClick={() => props.onSort(next())}>
        {props.children}
        <span className="sort-mark" aria-hidden>
          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
        </span>
      </button>
    </th>
  );
}

/**
 * The proxy list, one row per proxy, like `istioctl proxy-status` with actions and, once a
 * mesh-wide scan ran, each proxy's summary. Virtualised: only the rows in view are in the DOM,
 * so thousands of proxies scroll like seven.
 */
export function MeshTable(props: {
  proxies: readonly MeshProxyInfo[];
  /** Mesh-wide scan results by proxy id (summary columns shown when there is a scan). */
  scan: ReadonlyMap<string, MeshScanProxyResult> | undefined;
  sort: MeshSort | undefined;
  onSort: (sort: MeshSort | undefined) => void;
  selected: string | undefined;
  busy: ReadonlySet<string>;
  openErrors: ReadonlyMap<string, unknown>;
  openLabels: readonly string[];
  canDiff: boolean;
  onSelect: (p: MeshProxyInfo) => void;
  onOpen: (p: MeshProxyInfo) => void;
  onDiff: (p: MeshProxyInfo) => void;
}): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.proxies.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    getItemKey: (i) => props.proxies[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const showSummary = props.scan !== undefined;
  const columnCount = 6 + xdsColumns.length + (showSummary ? summaryColumns.length : 0);
  const head = { sort: props.sort, onSort: props.onSort };

  return (
    <div className="mesh-table" ref={scrollRef} data-testid="mesh-table">
      <table aria-rowcount={props.proxies.length}>
        <thead>
          <tr>
            <SortHeader column="name" className="mesh-table__name" {...head}>
              Name
            </SortHeader>
            <SortHeader column="namespace" {...head}>
              Namespace
            </SortHeader>
            <SortHeader column="type" {...head}>
              Type
            </SortHeader>
            <SortHeader column="istio" {...head}>
              Istio
            </SortHeader>
            <th>istiod</th>
            {xdsColumns.map((x) => (
              <th key={x} className="mesh-table__xds">
                {x}
              </th>
            ))}
            {showSummary &&
              summaryColumns.map((c) => (
                <SortHeader
                  key={c.key}
                  column={c.key}
                  className="mesh-table__num"
                  title={c.title}
                  {...head}
                >
                  {c.header}
                </SortHeader>
              ))}
            <th className="mesh-table__actions" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden className="mesh-table__pad">
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const p = props.proxies[item.index];
            if (!p) return null;
            const openError = props.openErrors.get(p.id);
            const result = props.scan?.get(p.id);
            const selected = p.id === props.selected;
            return (
              <tr
                key={p.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-testid="mesh-row"
                data-proxy={p.id}
                data-health={proxyHealth(p)}
                data-scan={result ? (result.error ? 'failed' : 'ok') : undefined}
                aria-rowindex={item.index + 1}
                aria-selected={selected}
                className={selected ? 'mesh-row--selected' : undefined}
                onClick={() => props.onSelect(p)}
              >
                <td className="mesh-table__name" title={p.id}>
                  <span className={`proxy-dot proxy-dot--${p.type}`} aria-hidden />
                  {p.name}
                  {(p.error || openError !== undefined || result?.error) && (
                    <div className="mesh-row__error" role="alert" data-testid="mesh-row-error">
                      {p.error ? (
                        <SourceErrorText error={p.error} />
                      ) : openError !== undefined ? (
                        <ApiErrorText error={openError} />
                      ) : result?.error ? (
                        <SourceErrorText error={result.error} />
                      ) : null}
                    </div>
                  )}
                </td>
                <td>{p.namespace}</td>
                <td>{p.type}</td>
                <td>{p.istioVersion ?? '—'}</td>
                <td className="mesh-table__istiod" title={p.istiod}>
                  {p.istiod ?? '—'}
                </td>
                {xdsColumns.map((x) => {
                  const state = p.sync?.[x];
                  return (
                    <td key={x} className="mesh-table__xds" data-xds={x}>
                      <span className={`sync sync--${syncStateTone(state)}`}>{state ?? '—'}</span>
                    </td>
                  );
                })}
                {showSummary &&
                  summaryColumns.map((c) => {
                    const v = result?.summary?.[c.key];
                    const tone =
                      (c.key === 'errors' || c.key === 'warnings') && v !== undefined && v > 0
                        ? ` mesh-table__num--${c.key}`
                        : '';
                    return (
                      <td
                        key={c.key}
                        className={`mesh-table__num${tone}`}
                        data-summary={c.key}
                        title={tone ? result?.summary?.firstFinding : undefined}
                      >
                        {v === undefined ? '—' : summaryText(c.key, v)}
                      </td>
                    );
                  })}
                <td className="mesh-table__actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    data-testid="mesh-open"
                    disabled={props.busy.has(p.id)}
                    title="Fetch this proxy's config dump and open it (overview, graph, tables)"
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onOpen(p);
                    }}
                  >
                    {props.busy.has(p.id)
                      ? 'Opening…'
                      : props.openLabels.includes(p.name)
                        ? 'Reopen'
                        : 'Open'}
                  </button>
                  {props.canDiff && (
                    <button
                      type="button"
                      className="btn btn--small"
                      data-testid="mesh-diff"
                      title="Compare what istiod would send with what this proxy holds"
                      onClick={(e) => {
                        e.stopPropagation();
                        props.onDiff(p);
                      }}
                    >
                      Diff
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden className="mesh-table__pad">
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
