import type { MeshSourceInfo } from '@meshlens/contract';
import { ApiErrorText } from './SourceErrorText';

const kindLabel: Record<MeshSourceInfo['kind'], string> = {
  demo: 'Demo mesh',
  envoy: 'Envoy admin',
  istiod: 'istiod',
  'bug-report': 'Bug report',
  kubernetes: 'Kubernetes',
};

/** What the mesh page reads from, its warnings, and why listing failed (URL, reason, fix). */
export function MeshSourceBanner(props: {
  source: MeshSourceInfo | undefined;
  error: unknown;
  warnings: readonly string[];
  isUpload: boolean;
  onBackToLive: () => void;
}): React.JSX.Element {
  return (
    <div className="mesh-source" data-testid="mesh-source" data-kind={props.source?.kind}>
      <div className="mesh-source__line">
        {props.source && (
          <span className={`mesh-source__kind mesh-source__kind--${props.source.kind}`}>
            {kindLabel[props.source.kind]}
          </span>
        )}
        <span className="mesh-source__summary" title={props.source?.targets.join('\n')}>
          {props.source?.summary ?? 'Connecting…'}
        </span>
        {props.isUpload && (
          <button type="button" className="link-btn" onClick={props.onBackToLive}>
            back to the live mesh
          </button>
        )}
      </div>
      {props.error !== null && props.error !== undefined && (
        <div className="banner banner--error" role="alert" data-testid="mesh-source-error">
          <div>
            <strong>Cannot list the proxies.</strong> <ApiErrorText error={props.error} />
          </div>
        </div>
      )}
      {props.warnings.length > 0 && (
        <ul className="mesh-source__warnings" data-testid="mesh-warnings">
          {props.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
