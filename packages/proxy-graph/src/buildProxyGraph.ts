import type { ConfigDump } from '@meshlens/configdump';
import { aggregateGraph } from './aggregateGraph';
import { foldStageCounts } from './foldStageCounts';
import { buildFullGraph, type FullGraph } from './buildFullGraph';
import { focusGraph } from './focusGraph';
import { keepNodes, type GraphParts } from './graphParts';
import { aggregationStages, type GroupableKind } from './groupKeys';
import type { ProxyGraph, ProxyGraphOptions } from './graphTypes';
import { hideLevels } from './hideLevels';

/** Default node count above which the graph starts aggregated. */
export const defaultAggregateThreshold = 400;

// The full graph depends on the dump alone; view changes (focus, search, levels) reuse it.
const fullGraphs = new WeakMap<ConfigDump, FullGraph>();

const foldDecisions = new WeakMap<ConfigDump, Map<string, GroupableKind[]>>();

function fullGraphOf(dump: ConfigDump): FullGraph {
  let full = fullGraphs.get(dump);
  if (!full) fullGraphs.set(dump, (full = buildFullGraph(dump)));
  return full;
}

/**
 * Builds the proxy graph of a dump for one view state: direction filter, hidden levels, focus,
 * then aggregation when the result is still larger than the threshold. Deterministic: the
 * same dump and options always give the same nodes, edges and ids in the same order.
 */
export function buildProxyGraph(dump: ConfigDump, options: ProxyGraphOptions = {}): ProxyGraph {
  const full = fullGraphOf(dump);
  const direction = options.direction ?? 'all';
  let parts: GraphParts = full;
  if (direction !== 'all') {
    parts = keepNodes(full, (n) => full.directions.get(n.id)?.has(direction) ?? false);
  }
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
  if (!folded) decisions.set(foldKey, (folded = chooseFolded(dump, parts, threshold, focus)));
  const expanded = new Set(options.expanded ?? []);
  const agg = aggregateGraph(dump, parts, folded, expanded, focus);
  let result: GraphParts = agg;
  // A focus on a group id (only exists once aggregated) is applied to the aggregated graph.
  if (focus !== undefined && !focused) result = focusGraph(agg, focus) ?? agg;
  const drawn = new Set(result.nodes.map((n) => n.id));
  return {
    nodes: result.nodes,
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
  dump: ConfigDump,
  parts: GraphParts,
  threshold: number,
  keep: string | undefined,
): GroupableKind[] {
  if (parts.nodes.length <= threshold) return [];
  const counts = foldStageCounts(dump, parts, keep, (n) => n <= threshold);
  const stage = counts.findIndex((n) => n <= threshold);
  if (stage >= 0) return aggregationStages.slice(0, stage + 1);
  return aggregationStages;
}
