import type { MeshProxyInfo, XdsType } from '@meshlens/contract';
import { ApiErrorText, SourceErrorText } from './SourceErrorText';
import { SyncDiffView } from './SyncDiffView';
import { proxyHealth, syncStateTone } from './proxyHealth';
import { useSyncDiff } from './useMeshApi';

const xdsTypes: readonly XdsType[] = ['CDS', 'LDS', 'EDS', 'RDS', 'ECDS'];

/** The selected proxy: what the list knows about it, its actions, and its istiod vs Envoy diff. */
export function ProxyPanel(props: {
  base: string;
  proxy: MeshProxyInfo;
  diffOpen: boolean;
  canDiff: boolean;
  busy: boolean;
  onOpen: () => void;
  onToggleDiff: (open: boolean) => void;
  onClose: () => void;
}): React.JSX.Element {
  const { proxy: p } = props;
  const diff = useSyncDiff(props.base, p.id, props.diffOpen && props.canDiff);
  return (
    <aside className="proxy-panel" data-testid="mesh-proxy-panel" data-proxy={p.id}>
      <header className="proxy-panel__head">
        <span className={`proxy-dot proxy-dot--${p.type}`} aria-hidden />
        <strong className="proxy-panel__title" title={p.id}>
          {p.name}
        </strong>
        <span className={`sync sync--${proxyHealth(p) === 'synced' ? 'ok' : 'warn'}`}>
          {proxyHealth(p)}
        </span>
        <button type="button" className="btn btn--icon" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      <dl className="facts proxy-panel__facts">
        <div className="fact">
          <dt>Namespace</dt>
          <dd>{p.namespace}</dd>
        </div>
        <div className="fact">
          <dt>Type</dt>
          <dd>{p.type}</dd>
        </div>
        <div className="fact">
          <dt>Istio</dt>
          <dd>{p.istioVersion ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>istiod</dt>
          <dd>{p.istiod ?? '—'}</dd>
        </div>
        {p.clusterId && (
          <div className="fact">
            <dt>Cluster</dt>
            <dd>{p.clusterId}</dd>
          </div>
        )}
        <div className="fact">
          <dt>xDS</dt>
          <dd>
            {xdsTypes.map((x) => (
              <span key={x} className={`sync sync--${syncStateTone(p.sync?.[x])}`}>
                {x} {p.sync?.[x] ?? '—'}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      {p.error && (
        <div className="banner banner--error">
          <SourceErrorText error={p.error} />
        </div>
      )}
      <div className="proxy-panel__actions">
        <button
          type="button"
          className="btn btn--primary"
          disabled={props.busy}
          onClick={props.onOpen}
        >
          {props.busy ? 'Opening…' : 'Open config dump'}
        </button>
        {props.canDiff && (
          <button
            type="button"
            className="btn"
            aria-pressed={props.diffOpen}
            data-testid="mesh-diff-toggle"
            onClick={() => props.onToggleDiff(!props.diffOpen)}
          >
            {props.diffOpen ? 'Hide istiod vs Envoy' : 'istiod vs Envoy'}
          </button>
        )}
      </div>
      {props.diffOpen && props.canDiff && (
        <div className="proxy-panel__diff">
          {diff.isPending && <p className="muted">Comparing istiod’s view with the proxy’s…</p>}
          {diff.error && (
            <div className="banner banner--error" role="alert" data-testid="sync-diff-error">
              <ApiErrorText error={diff.error} />
            </div>
          )}
          {diff.data && <SyncDiffView diff={diff.data} />}
        </div>
      )}
    </aside>
  );
}
