import type { ConfigGraph } from '@meshlens/topology';
import { configBehind, edgeHost } from './configBehind';
import { formatBytes } from './topoElements';
import type { TopoEdge, TopoNode } from './topoModel';

/** Props of the side panel. */
export interface TopoSidePanelProps {
  node?: TopoNode | undefined;
  edge?: TopoEdge | undefined;
  config: ConfigGraph | undefined;
  /** Opening the selected workload's proxy view: status text. */
  proxyStatus?: string | undefined;
  /** Expands or collapses the selected box. */
  onToggleBox?: (() => void) | undefined;
  onClose: () => void;
}

function Row({ k, v }: { k: string; v: string | undefined }): React.JSX.Element | null {
  if (v === undefined || v === '') return null;
  return (
    <tr>
      <th>{k}</th>
      <td>{v}</td>
    </tr>
  );
}

const f = (n: number | undefined, d = 2): string | undefined =>
  n === undefined ? undefined : n.toFixed(d);

/** Details of the selected node or edge, and the config behind an edge. */
export function TopoSidePanel(p: TopoSidePanelProps): React.JSX.Element {
  const { node, edge, config } = p;
  const host = edge ? edgeHost(edge.source, edge.target) : undefined;
  const behind = host !== undefined && config ? configBehind(config, host) : undefined;
  return (
    <aside className="topo-side" data-testid="topo-side-panel">
      <button type="button" className="btn topo-side__close" onClick={p.onClose}>
        Close
      </button>
      {node && (
        <>
          <h3>{node.box ? node.name : node.label}</h3>
          {node.box && p.onToggleBox && (
            <button
              type="button"
              className="btn"
              data-testid="topo-toggle-box"
              onClick={p.onToggleBox}
            >
              {node.collapsed ? 'Expand' : 'Collapse'}
            </button>
          )}
          <table className="topo-kv">
            <tbody>
              <Row k="type" v={node.box ? `${node.box} box` : node.kind} />
              <Row k="holds" v={node.collapsed ? node.label.split('\n')[1] : undefined} />
              <Row k="namespace" v={node.namespace} />
              <Row k="cluster" v={node.cluster} />
              <Row k="app" v={node.app} />
              <Row k="version" v={node.version} />
              <Row k="workload" v={node.workload} />
              <Row k="service" v={node.service} />
              <Row k="requests/s in" v={f(node.rps)} />
              <Row k="% errors in" v={f(node.errorPct, 1)} />
              <Row k="health" v={node.health} />
              <Row k="outbound" v={node.note} />
            </tbody>
          </table>
          {p.proxyStatus && (
            <p className="muted" data-testid="topo-proxy-status">
              {p.proxyStatus}
            </p>
          )}
        </>
      )}
      {edge && (
        <>
          <h3 data-testid="topo-edge-title">
            {edge.source.replace(/^\w+:/, '')} → {edge.target.replace(/^\w+:/, '')}
          </h3>
          {edge.flagged !== undefined && (
            <p className="topo-flag" data-testid="topo-edge-flag">
              Traffic no configuration explains: {edge.flagged}
            </p>
          )}
          {edge.dashed === true && (
            <p className="muted">Allowed by the configuration; no traffic in this time window.</p>
          )}
          <table className="topo-kv" data-testid="topo-edge-values">
            <tbody>
              <Row k="kind" v={edge.kind} />
              <Row k="protocol" v={edge.protocol} />
              <Row k="requests/s" v={f(edge.rps)} />
              <Row k="% errors" v={edge.rps !== undefined ? f(edge.errorPct ?? 0, 1) : undefined} />
              <Row
                k="p95 latency"
                v={edge.p95 !== undefined ? `${f(edge.p95, 0)} ms` : undefined}
              />
              <Row k="bytes/s" v={edge.bytes !== undefined ? formatBytes(edge.bytes) : undefined} />
              <Row k="mTLS" v={edge.mtls === undefined ? undefined : edge.mtls ? 'yes' : 'no'} />
              <Row k="weight" v={edge.weight !== undefined ? `${edge.weight}%` : undefined} />
            </tbody>
          </table>
          {behind && (
            <section data-testid="topo-edge-config">
              <h4>Configuration for {behind.host}</h4>
              {behind.virtualServices.length === 0 ? (
                <p className="muted">No VirtualService routes to it (default routing).</p>
              ) : (
                behind.virtualServices.map((v) => (
                  <div key={v.id}>
                    <strong>
                      VirtualService {v.namespace}/{v.name}
                    </strong>
                    <ul>
                      {v.routes.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </div>
                ))
              )}
              <p>
                <strong>DestinationRule</strong>{' '}
                {behind.subsets.length > 0 ? `subsets ${behind.subsets.join(', ')}` : 'none'}
                {behind.policies.length > 0 ? `; policies ${behind.policies.join(', ')}` : ''}
              </p>
            </section>
          )}
        </>
      )}
    </aside>
  );
}
