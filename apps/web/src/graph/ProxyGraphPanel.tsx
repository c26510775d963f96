import type { Core } from 'cytoscape';
import type { ConfigDump } from '@meshlens/configdump';
import { searchGraph, type ProxyGraph } from '@meshlens/proxy-graph';
import { cachedProxyGraph } from './cachedProxyGraph';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { exportModelJson, exportPng, exportSvg } from './exportGraph';
import { GraphCanvas } from './GraphCanvas';
import { graphPalette } from './graphTheme';
import { GraphToolbar } from './GraphToolbar';
import type { GraphLevel, GraphViewState } from './graphViewState';
import { NodeSidePanel } from './NodeSidePanel';
import { useGraphTestHook } from './useGraphTestHook';
import './graph.css';

/** Props of the whole graph view. */
export interface ProxyGraphPanelProps {
  dump: ConfigDump;
  /** Used in export file names: `<dumpLabel>-graph.png`. */
  dumpLabel: string;
  state: GraphViewState;
  /** Every state change goes through here, so the shell can keep it in the URL. */
  onStateChange: (next: GraphViewState) => void;
  theme: 'light' | 'dark';
  /**
   * Node ids of a traced request's path (see the trace view): lit up, the rest dimmed. Ids the
   * current drawing folds into a group light up the group.
   */
  traced?: readonly string[];
}

const noTrace: readonly string[] = [];

/** The drawn nodes standing for `ids`: the node itself, or the collapsed group holding it. */
function drawnIds(graph: ProxyGraph, ids: readonly string[]): readonly string[] {
  if (ids.length === 0) return noTrace;
  const drawn = new Set(graph.nodes.map((n) => n.id));
  const groupOf = new Map<string, string>();
  for (const g of graph.groups) if (g.collapsed) for (const m of g.members) groupOf.set(m, g.id);
  const out = new Set<string>();
  for (const id of ids) {
    if (drawn.has(id)) out.add(id);
    else {
      const g = groupOf.get(id);
      if (g !== undefined && drawn.has(g)) out.add(g);
    }
  }
  return [...out];
}

function without<K extends keyof GraphViewState>(s: GraphViewState, key: K): GraphViewState {
  const copy = { ...s };
  delete copy[key];
  return copy;
}

/** The proxy graph view: toolbar, Cytoscape canvas and the side panel of the selected node. */
export function ProxyGraphPanel(props: ProxyGraphPanelProps): React.JSX.Element {
  const { dump, state, onStateChange } = props;
  // The shell may decode a fresh state from the URL on every change; keying the graph on the
  // list contents (not the array identities) keeps a selection from rebuilding the graph.
  const hiddenKey = state.hiddenLevels.join(',');
  const expandedKey = state.expanded.join('\n');
  const graph = useMemo(
    () =>
      cachedProxyGraph(dump, {
        direction: state.direction,
        hiddenLevels: hiddenKey === '' ? [] : (hiddenKey.split(',') as GraphLevel[]),
        expanded: expandedKey === '' ? [] : expandedKey.split('\n'),
        ...(state.focus !== undefined ? { focus: state.focus } : {}),
      }),
    [dump, state.direction, hiddenKey, expandedKey, state.focus],
  );
  // Opening a group keeps the viewport; anything that changes what the graph is about refits.
  const fitKey = `${props.dumpLabel}\n${state.direction}\n${hiddenKey}\n${state.focus ?? ''}`;
  const matches = useMemo(() => searchGraph(graph, state.search ?? ''), [graph, state.search]);
  const [cursor, setCursor] = useState(-1);
  useEffect(() => setCursor(-1), [matches]);
  const current = cursor >= 0 ? matches[cursor] : undefined;
  const palette = useMemo(() => graphPalette(props.theme), [props.theme]);
  const tracedIds = props.traced ?? noTrace;
  const traced = useMemo(() => drawnIds(graph, tracedIds), [graph, tracedIds]);
  const [cy, setCy] = useState<Core | undefined>(undefined);
  const [scale, setScale] = useState(2);

  const select = useCallback(
    (id: string | undefined) =>
      onStateChange(id === undefined ? without(state, 'selected') : { ...state, selected: id }),
    [state, onStateChange],
  );
  const focus = useCallback(
    (id: string | undefined) =>
      onStateChange(id === undefined ? without(state, 'focus') : { ...state, focus: id }),
    [state, onStateChange],
  );
  const toggleGroup = useCallback(
    (groupId: string) =>
      onStateChange({
        ...state,
        expanded: state.expanded.includes(groupId)
          ? state.expanded.filter((g) => g !== groupId)
          : [...state.expanded, groupId].sort(),
      }),
    [state, onStateChange],
  );
  const onTapNode = (id: string): void => {
    const node = graph.nodes.find((n) => n.id === id);
    if (node?.kind === 'group') toggleGroup(id);
    else select(id);
  };
  useGraphTestHook(cy, state, matches, traced, select, focus);

  const selectedNode = state.selected
    ? graph.nodes.find((n) => n.id === state.selected)
    : undefined;
  const selectedGroup = state.selected
    ? graph.groups.find((g) => g.id === state.selected)
    : undefined;
  const stats = `${graph.nodes.length} nodes, ${graph.edges.length} edges`;

  return (
    <div className="proxy-graph">
      <GraphToolbar
        state={state}
        onStateChange={onStateChange}
        matchCount={matches.length}
        onCycle={(step) => {
          if (matches.length === 0) return;
          setCursor((c) =>
            c < 0 && step < 0 ? matches.length - 1 : (c + step + matches.length) % matches.length,
          );
        }}
        scale={scale}
        onScale={setScale}
        onExport={(what) => {
          if (what === 'model') exportModelJson(dump, props.dumpLabel);
          else if (cy && what === 'png') exportPng(cy, scale, palette.bg, props.dumpLabel);
          else if (cy) exportSvg(cy, scale, palette.bg, props.dumpLabel);
        }}
        onFit={() => cy?.fit(undefined, 30)}
        stats={stats}
      />
      {graph.aggregated && (
        <p className="graph-note">
          Large proxy ({graph.fullNodeCount} objects): similar nodes are grouped. Click a group to
          expand it.
        </p>
      )}
      <div className="graph-body">
        <GraphCanvas
          graph={graph}
          fitKey={fitKey}
          palette={palette}
          matches={matches}
          current={current}
          selected={state.selected}
          focus={state.focus}
          traced={traced}
          onTapNode={onTapNode}
          onDoubleTapNode={(id) => onStateChange({ ...state, selected: id, focus: id })}
          onTapBackground={() => {
            if (state.selected !== undefined) select(undefined);
          }}
          onReady={setCy}
        />
        {graph.nodes.length === 0 && (
          <p className="graph-empty">
            Nothing to draw with these filters: this dump has no listeners, routes or clusters in
            view.
          </p>
        )}
        {state.selected !== undefined && (
          <NodeSidePanel
            dump={dump}
            node={selectedNode}
            selectedId={state.selected}
            group={selectedGroup}
            focused={state.focus === state.selected}
            onFocus={(id) => focus(id)}
            onToggleGroup={toggleGroup}
            onClose={() => select(undefined)}
          />
        )}
      </div>
    </div>
  );
}
