import { formatAddress, nodeIdFor } from '@meshlens/proxy-graph';
import type { DumpTrace, DumpTraceStep } from '@meshlens/tracer';
import { describeOutcome } from './describeOutcome';

const stepKindLabel: Record<DumpTraceStep['kind'], string> = {
  listener: 'Listener',
  filter_chain: 'Filter chain',
  network_filters: 'Network filters',
  http_filters: 'HTTP filters',
  route_config: 'Route config',
  virtual_host: 'Virtual host',
  require_tls: 'Require TLS',
  route: 'Route',
  action: 'Action',
  rewrite: 'Rewrite',
  headers: 'Headers',
  virtual_cluster: 'Virtual cluster',
  policy: 'Policy',
  cluster: 'Cluster',
};

// The tracer explains each losing candidate in a sentence of its own ("route #0 "jason" does not
// match: ...", "No virtual host lists ... exactly."); those "why not" lines are set apart from
// the decision. Presentation only: the sentences themselves come from the tracer.
const whyNot = /^No |\bdoes not (fully )?match\b|\bdo not (match|include|contain)\b/;

function Step(props: {
  step: DumpTraceStep;
  n: number;
  path: ReadonlySet<string>;
  onShow: (nodeId: string) => void;
}): React.JSX.Element {
  const { step } = props;
  const nodeId = step.ref ? nodeIdFor(step.ref) : undefined;
  return (
    <li className="trace-step" data-testid="trace-step" data-kind={step.kind}>
      <div className="trace-step__head">
        <span className="trace-step__n">{props.n}</span>
        <span className="trace-step__kind">{stepKindLabel[step.kind]}</span>
        <span className="trace-step__title">{step.title}</span>
        {nodeId !== undefined && props.path.has(nodeId) && (
          <button
            type="button"
            className="link-btn trace-step__show"
            data-node-id={nodeId}
            onClick={() => props.onShow(nodeId)}
          >
            Show
          </button>
        )}
      </div>
      <ul className="trace-step__why">
        {step.explanation.map((line, i) => (
          <li
            key={i}
            className={whyNot.test(line) ? 'trace-why-not' : undefined}
            data-testid={whyNot.test(line) ? 'trace-why-not' : undefined}
          >
            {line}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The outcome, every step with its reasons, the assumptions made and the endpoints reached. */
export function TraceResult(props: {
  trace: DumpTrace;
  path: readonly string[];
  onShowNode: (nodeId: string) => void;
}): React.JSX.Element {
  const { trace } = props;
  const head = describeOutcome(trace);
  const path = new Set(props.path);
  return (
    <div className="trace-result" data-testid="trace-result">
      <div
        className={`trace-outcome trace-outcome--${head.tone}`}
        data-testid="trace-outcome"
        data-outcome={head.kind}
      >
        <div className="trace-outcome__label">{head.label}</div>
        <div className="trace-outcome__summary">{trace.summary}</div>
      </div>
      <ol className="trace-steps" data-testid="trace-steps">
        {trace.steps.map((s, i) => (
          <Step key={i} step={s} n={i + 1} path={path} onShow={props.onShowNode} />
        ))}
      </ol>
      {trace.clusters.some((c) => (c.endpoints?.endpoints.length ?? 0) > 0) && (
        <section className="trace-section">
          <h3 className="trace-section__title">Endpoints</h3>
          <table className="trace-endpoints" data-testid="trace-endpoints">
            <thead>
              <tr>
                <th>Cluster</th>
                <th>Address</th>
                <th>Health</th>
                <th>Zone</th>
              </tr>
            </thead>
            <tbody>
              {trace.clusters.flatMap((c) =>
                (c.endpoints?.endpoints ?? []).map((e, i) => {
                  const address = formatAddress(e.address);
                  return (
                    <tr key={`${c.name}/${address}/${i}`}>
                      <td className="mono" title={c.name}>
                        {i === 0 ? c.name.replace(/\.svc\.cluster\.local$/, '') : ''}
                      </td>
                      <td className="mono">{address}</td>
                      <td>{e.healthStatus}</td>
                      <td>{e.locality?.zone ?? ''}</td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </section>
      )}
      {trace.assumptions.length > 0 && (
        <section className="trace-section">
          <h3 className="trace-section__title">Assumptions</h3>
          <ul className="trace-assumptions" data-testid="trace-assumptions">
            {trace.assumptions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
