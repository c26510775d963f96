import type { DemoProxySummary } from '@meshlens/contract';

/** The demo mesh's other proxies, one click each to open. */
export function DemoProxyList(props: {
  proxies: DemoProxySummary[];
  openLabels: readonly string[];
  onOpen: (p: DemoProxySummary) => void;
}): React.JSX.Element | null {
  const rest = props.proxies.filter((p) => !props.openLabels.includes(p.podName));
  if (rest.length === 0) return null;
  return (
    <div className="demo-list" data-testid="demo-proxy-list">
      <span className="muted">Demo mesh, also open:</span>
      {rest.map((p) => (
        <button
          type="button"
          className="chip"
          key={p.podName}
          title={`${p.proxyType} ${p.podName} (${p.ip})`}
          data-testid="demo-proxy"
          data-name={p.podName}
          onClick={() => props.onOpen(p)}
        >
          {p.app}
          {p.version ? `-${p.version}` : ''}
          {p.proxyType === 'router' ? ' (gateway)' : ''}
        </button>
      ))}
    </div>
  );
}
