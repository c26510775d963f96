import type { MeshProxyInfo, XdsType } from '@meshlens/contract';
import { ApiErrorText, SourceErrorText } from './SourceErrorText';
import { proxyHealth, syncStateTone } from './proxyHealth';

/** istioctl proxy-status column order. */
const xdsColumns: readonly XdsType[] = ['CDS', 'LDS', 'EDS', 'RDS', 'ECDS'];

/** The proxy list, one row per proxy, like `istioctl proxy-status` with actions. */
export function MeshTable(props: {
  proxies: readonly MeshProxyInfo[];
  selected: string | undefined;
  busy: ReadonlySet<string>;
  openErrors: ReadonlyMap<string, unknown>;
  openLabels: readonly string[];
  canDiff: boolean;
  onSelect: (p: MeshProxyInfo) => void;
  onOpen: (p: MeshProxyInfo) => void;
  onDiff: (p: MeshProxyInfo) => void;
}): React.JSX.Element {
  return (
    <div className="mesh-table">
      <table>
        <thead>
          <tr>
            <th className="mesh-table__name">Name</th>
            <th>Namespace</th>
            <th>Type</th>
            <th>Istio</th>
            <th>istiod</th>
            {xdsColumns.map((x) => (
              <th key={x} className="mesh-table__xds">
                {x}
              </th>
            ))}
            <th className="mesh-table__actions" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {props.proxies.map((p) => {
            const openError = props.openErrors.get(p.id);
            const selected = p.id === props.selected;
            return (
              <tr
                key={p.id}
                data-testid="mesh-row"
                data-proxy={p.id}
                data-health={proxyHealth(p)}
                aria-selected={selected}
                className={selected ? 'mesh-row--selected' : undefined}
                onClick={() => props.onSelect(p)}
              >
                <td className="mesh-table__name" title={p.id}>
                  <span className={`proxy-dot proxy-dot--${p.type}`} aria-hidden />
                  {p.name}
                  {(p.error || openError !== undefined) && (
                    <div className="mesh-row__error" role="alert" data-testid="mesh-row-error">
                      {p.error ? (
                        <SourceErrorText error={p.error} />
                      ) : (
                        <ApiErrorText error={openError} />
                      )}
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
        </tbody>
      </table>
    </div>
  );
}
