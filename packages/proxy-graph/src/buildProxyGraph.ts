import type { ConfigDump } from '@meshlens/configdump';
import { foldCounts, foldGraph } from './foldGraph';
import { foldIndexOf, type FoldIndex } from './foldIndex';
import { buildGraphSkeleton, type GraphSkeleton } from './buildGraphSkeleton';
import { focusGraph } from './focusGraph';
import { directionBit } from './graphDirections';
import { keepNodes, type GraphParts, type NodeShape } from './graphParts';
import { aggregationStages, type GroupableKind } from './groupKeys';
import type { GraphNode, ProxyGraph, ProxyGraphOptions } from './graphTypes';
import { hideLevels } from './hideLevels';

/** Default node count above which the graph starts aggregated. */
export const defaultAggregateThreshold = 400;

// The skeleton depends on the dump alone; view changes (focus, search, levels) reuse it.
const skeletons = new WeakMap<ConfigDump, GraphSkeleton>();

const foldDecisions = new WeakMap<ConfigDump, Map<string, GroupableKind[]>>();

function skeletonOf(dump: ConfigDump): GraphSkeleton {
  let full = skeletons.get(dump);
  if (!full) skeletons.set(dump, (full = buildGraphSkeleton(dump)));
  return full;
}

// The same object per direction, so expanding groups reuses its fold index.
const oneWay = new WeakMap<GraphSkeleton, Map<string, GraphParts<NodeShape>>>();

function directionParts(
  full: GraphSkeleton,
  direction: 'inbound' | 'outbound',
): GraphParts<NodeShape> {
  let byDirection = oneWay.get(full);
  if (!byDirection) oneWay.set(full, (byDirection = new Map()));
  let parts = byDirection.get(direction);
  if (!parts) {
    const bit = directionBit[direction];
    parts = keepNodes(full, (_, i) => ((full.directions[i] ?? 0) & bit) !== 0);
    byDirection.set(direction, parts);
  }
  return parts;
}

/** Group nodes are made drawable by the fold itself; skeleton nodes get their text here. */
const isDrawn = (node: NodeShape | GraphNode): node is GraphNode => 'label' in node;

/**
 * Builds the proxy graph of a dump for one view state: direction filter, hidden levels, focus,
 * then aggregation when the result is still larger than the threshold. Deterministic: the
 * same dump and options always give the same nodes, edges and ids in the same order.
 * Every step works on node shapes; only the nodes left at the end get their labels, so a big
 * dump's first (folded) graph costs the walk of its model, not the text of 70k nodes.
 */
export function buildProxyGraph(dump: ConfigDump, options: ProxyGraphOptions = {}): ProxyGraph {
  const full = skeletonOf(dump);
  const direction = options.direction ?? 'all';
  let parts: GraphParts<NodeShape> = direction === 'all' ? full : directionParts(full, direction);
  const focus = options.focus;
  parts = hideLevels(parts, options.hiddenLevels ?? [], focus);
  const focused = focus !== undefined ? focusGraph(parts, focus) : undefined;
  if (focused) parts = focused;

  const threshold = options.aggregateThreshold ?? defaultAggregateThreshold;
  // Opening groups must not change which levels fold, and re-deciding costs a few aggregation
  // passes: remember the decision per dump and per everything else that shapes the graph.
  const foldKey = JSON.stringify([direction, options.hiddenLevels ?? [], focus ?? null, threshold]);
  let decisions = foldDecisions.get(dump);
  if (!decisions) foldDecisions.set(dump, (decisions = new Map()));
  let folded = decisions.get(foldKey);
  const index = foldIndexOf(dump, parts);
  if (!folded) decisions.set(foldKey, (folded = chooseFolded(index, threshold, focus)));
  const expanded = new Set(options.expanded ?? []);
  const agg = foldGraph(index, parts, folded, expanded, focus);
  let result: GraphParts<NodeShape | GraphNode> = agg;
  // A focus on a group id (only exists once aggregated) is applied to the aggregated graph.
  if (focus !== undefined && !focused) result = focusGraph(agg, focus) ?? agg;
  const drawn = new Set(result.nodes.map((n) => n.id));
  return {
    nodes: result.nodes.map((n) => (isDrawn(n) ? n : full.draw(n))),
    edges: result.edges,
    groups: agg.groups.filter((g) => drawn.has(g.id) || g.members.some((m) => drawn.has(m))),
    aggregated: folded.length > 0,
    fullNodeCount: full.nodes.length,
  };
}

/**
 * How many aggregation stages the graph needs: fold one more kind at a time until the node
 * count is under the threshold. Decided without the user's expansions, so opening a group
 * never makes another level fold.
 */
function chooseFolded(
  index: FoldIndex,
  threshold: number,
  keep: string | undefined,
): GroupableKind[] {
  if (index.nodes.length <= threshold) return [];
  const counts = foldCounts(index, keep, (n) => n <= threshold);
  const stage = counts.findIndex((n) => n <= threshold);
  if (stage >= 0) return aggregationStages.slice(0, stage + 1);
  return aggregationStages;
}
