/** The empty state: what Meshlens is, where to drop a dump, and the demo. */
export function Landing(props: {
  onPickFile: () => void;
  onPaste: () => void;
  onDemo: () => void;
  demoBusy: boolean;
  hasViewParams: boolean;
}): React.JSX.Element {
  return (
    <div className="landing">
      <h1 className="landing__title">Meshlens</h1>
      <p className="landing__lede">
        See why traffic goes where it goes: open an Envoy <code>/config_dump</code> from an Istio
        proxy and explore its listeners, routes, clusters, endpoints and secrets.
      </p>
      <div
        className="dropzone"
        data-testid="upload-dropzone"
        role="button"
        tabIndex={0}
        onClick={props.onPickFile}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            props.onPickFile();
          }
        }}
      >
        <div className="dropzone__icon" aria-hidden>
          ⤓
        </div>
        <div className="dropzone__main">Drop config dumps here, or click to choose files</div>
        <div className="muted">
          JSON, YAML or .gz · several at once · the files never leave your browser
        </div>
      </div>
      <div className="landing__actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="try-demo"
          disabled={props.demoBusy}
          onClick={props.onDemo}
        >
          {props.demoBusy ? 'Loading the demo mesh…' : 'Try the demo mesh'}
        </button>
        <button type="button" className="btn" data-testid="paste-open" onClick={props.onPaste}>
          Paste a dump
        </button>
      </div>
      {props.hasViewParams && (
        <p className="muted landing__hint">
          This link points at a view of a dump. Open the same dump to return to it.
        </p>
      )}
      <p className="muted landing__foot">
        Get a dump with{' '}
        <code>kubectl exec POD -c istio-proxy -- pilot-agent request GET config_dump</code> or{' '}
        <code>istioctl proxy-config all POD -o json</code>.
      </p>
    </div>
  );
}
