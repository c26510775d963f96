import type { ConfigDump } from '@meshlens/configdump';
import { resolveNodeObject, type GraphGroup, type GraphNode } from '@meshlens/proxy-graph';
import { useMemo } from 'react';
import { nodeDetails } from './nodeFields';
import { RawJson } from './RawJson';

/** Props of the side panel of the selected node. */
export interface NodeSidePanelProps {
  dump: ConfigDump;
  /** The selected node, or undefined when its id is not drawn (filtered out or folded). */
  node: GraphNode | undefined;
  selectedId: string;
  group: GraphGroup | undefined;
  focused: boolean;
  onFocus: (id: string) => void;
  onToggleGroup: (groupId: string) => void;
  onClose: () => void;
}

/** Fields, Istio object and raw JSON of the selected node. */
export function NodeSidePanel(p: NodeSidePanelProps): React.JSX.Element {
  const node = p.node;
  const details = useMemo(() => {
    const obj = node?.ref ? resolveNodeObject(p.dump, node.ref) : undefined;
    return obj ? nodeDetails(obj) : undefined;
  }, [p.dump, node]);
  return (
    <aside className="graph-side" data-testid="graph-side-panel" aria-label="Selected node">
      <header className="graph-side-head">
        <h3 title={node?.label ?? p.selectedId}>{node?.label ?? p.selectedId}</h3>
        <button type="button" onClick={p.onClose} aria-label="Close panel">
          ×
        </button>
      </header>
      {!node && <p className="graph-muted">Not drawn with the current filters or grouping.</p>}
      {node && (
        <div className="graph-side-actions">
          <button
            type="button"
            data-testid="graph-focus"
            onClick={() => p.onFocus(node.id)}
            disabled={p.focused}
          >
            {p.focused ? 'Focused' : 'Focus'}
          </button>
          {node.kind === 'group' && (
            <button type="button" onClick={() => p.onToggleGroup(node.id)}>
              Expand group
            </button>
          )}
          {node.groupOf && (
            <button type="button" onClick={() => p.onToggleGroup(node.groupOf ?? '')}>
              Collapse group
            </button>
          )}
        </div>
      )}
      {node && !details && <PseudoNodeFields node={node} group={p.group} />}
      {details && (
        <>
          <dl className="graph-fields">
            {details.fields.map(([k, v], i) => (
              <div key={`${k}-${i}`}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {details.istio && (
            <section className="graph-istio" data-testid="graph-istio-object">
              <h4>Istio object</h4>
              <p>
                <strong>{details.istio.kind}</strong> {details.istio.namespace}/{details.istio.name}
              </p>
              <p className="graph-muted">{details.istio.path}</p>
            </section>
          )}
          <RawJson value={details.raw} />
        </>
      )}
    </aside>
  );
}

function PseudoNodeFields(props: {
  node: GraphNode;
  group: GraphGroup | undefined;
}): React.JSX.Element {
  const { node, group } = props;
  const kind =
    node.kind === 'ghost'
      ? node.missingSection
        ? `${node.expected ?? 'object'} not in this dump`
        : `missing ${node.expected ?? 'object'} (dangling reference)`
      : node.kind === 'group'
        ? `group of ${node.memberCount ?? 0} ${node.memberKind ?? ''} nodes`
        : node.kind;
  return (
    <>
      <dl className="graph-fields">
        <div>
          <dt>Name</dt>
          <dd>{node.label}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{kind}</dd>
        </div>
        {node.sublabel && node.kind !== 'ghost' && (
          <div>
            <dt>Detail</dt>
            <dd>{node.sublabel}</dd>
          </div>
        )}
      </dl>
      {group && (
        <ul className="graph-members">
          {group.members.slice(0, 50).map((m) => (
            <li key={m}>{m}</li>
          ))}
          {group.members.length > 50 && (
            <li className="graph-muted">and {group.members.length - 50} more</li>
          )}
        </ul>
      )}
    </>
  );
}
