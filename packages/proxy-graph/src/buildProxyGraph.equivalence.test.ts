// The fold from the model (`buildProxyGraph`: skeleton, fold index, labels only for what is drawn)
// against the fold of the full graph (every node drawn first, then the string-keyed
// `foldStageCounts` + `aggregateGraph`), on real captures and generated dumps, for the view
// states a user reaches: the optimisation must not change a single node, edge or group.
import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture, listFixtureFiles } from '../../../tests/conformance/fixtures';
import { aggregateGraph } from './aggregateGraph';
import { buildGraphSkeleton } from './buildGraphSkeleton';
import { buildProxyGraph, defaultAggregateThreshold } from './buildProxyGraph';
import { focusGraph } from './focusGraph';
import { foldStageCounts } from './foldStageCounts';
import { directionBit } from './graphDirections';
import { keepNodes, type GraphParts } from './graphParts';
import type { ProxyGraph, ProxyGraphOptions } from './graphTypes';
import { aggregationStages } from './groupKeys';
import { hideLevels } from './hideLevels';

/** The pipeline before the fold from the model: materialise every node, then fold. */
function foldOfFullGraph(dump: ConfigDump, options: ProxyGraphOptions): ProxyGraph {
  const skeleton = buildGraphSkeleton(dump);
  const full: GraphParts = { nodes: skeleton.nodes.map(skeleton.draw), edges: skeleton.edges };
  const direction = options.direction ?? 'all';
  let parts = full;
  if (direction !== 'all') {
    const bit = directionBit[direction];
    parts = keepNodes(full, (_, i) => ((skeleton.directions[i] ?? 0) & bit) !== 0);
  }
  const focus = options.focus;
  parts = hideLevels(parts, options.hiddenLevels ?? [], focus);
  const focused = focus !== undefined ? focusGraph(parts, focus) : undefined;
  if (focused) parts = focused;
  const threshold = options.aggregateThreshold ?? defaultAggregateThreshold;
  let folded = aggregationStages.slice(0, 0);
  if (parts.nodes.length > threshold) {
    const stage = foldStageCounts(dump, parts, focus).findIndex((n) => n <= threshold);
    folded = stage >= 0 ? aggregationStages.slice(0, stage + 1) : aggregationStages;
  }
  const agg = aggregateGraph(dump, parts, folded, new Set(options.expanded ?? []), focus);
  const result = focus !== undefined && !focused ? (focusGraph(agg, focus) ?? agg) : agg;
  const drawn = new Set(result.nodes.map((n) => n.id));
  return {
    nodes: result.nodes,
    edges: result.edges,
    groups: agg.groups.filter((g) => drawn.has(g.id) || g.members.some((m) => drawn.has(m))),
    aggregated: folded.length > 0,
    fullNodeCount: full.nodes.length,
  };
}

/** View states: defaults, directions, thresholds that fold 1..6 levels, levels, expansions, focus. */
function viewStates(dump: ConfigDump): ProxyGraphOptions[] {
  const folded = buildProxyGraph(dump, { aggregateThreshold: 30 });
  const group = (kind: string) =>
    folded.groups.find((g) => g.collapsed && g.memberKind === kind)?.id;
  const expanded = ['endpoint', 'cluster', 'route', 'listener']
    .map(group)
    .filter((id): id is string => id !== undefined);
  const plain = buildProxyGraph(dump, { aggregateThreshold: Number.POSITIVE_INFINITY });
  const cluster = plain.nodes.find((n) => n.kind === 'cluster')?.id;
  const groupNode = folded.nodes.find((n) => n.kind === 'group')?.id;
  const states: ProxyGraphOptions[] = [
    {},
    { direction: 'outbound' },
    { direction: 'inbound' },
    { aggregateThreshold: Number.POSITIVE_INFINITY },
    ...[5, 30, 100, 250].map((aggregateThreshold) => ({ aggregateThreshold })),
    { hiddenLevels: ['filter_chain', 'route'] },
    { hiddenLevels: ['endpoint', 'virtual_host'], aggregateThreshold: 50 },
    { expanded, aggregateThreshold: 30 },
    { expanded, direction: 'outbound', aggregateThreshold: 30 },
  ];
  if (cluster) states.push({ focus: cluster }, { focus: cluster, aggregateThreshold: 10 });
  if (groupNode) states.push({ focus: groupNode, aggregateThreshold: 30 });
  return states;
}

function expectSameViews(dump: ConfigDump): void {
  for (const options of viewStates(dump)) {
    expect(buildProxyGraph(dump, options), JSON.stringify(options)).toEqual(
      foldOfFullGraph(dump, options),
    );
  }
}

const dumpFiles = [
  ...listFixtureFiles('config-dumps'),
  'istioctl-golden/pc-all-waypoint-istio121/config_dump.json',
];

describeFixtures('fold from the model = fold of the full graph, real dumps', () => {
  it.each(dumpFiles)('%s', (file) => {
    const result = parseConfigDump(readFileSync(fixture(file), 'utf8'), { fileName: file });
    if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
    expectSameViews(result.dump);
  });
});

describe('fold from the model = fold of the full graph, generated demo-mesh dumps', () => {
  const mesh = generateDemoMesh({ services: 300 });
  const proxies = [
    mesh.proxies.find((p) => p.app === 'productpage'),
    mesh.proxies.find((p) => p.app !== 'productpage' && p.fileName.includes('gateway')),
  ].filter((p) => p !== undefined);

  it.each(proxies.map((p) => [p.fileName, p] as const))('%s', (_, proxy) => {
    const result = parseConfigDump(JSON.stringify(proxy.dump), { fileName: proxy.fileName });
    if (!result.ok) throw new Error(result.error.message);
    // Big enough that the default view folds (the case the fold from the model is for).
    expect(buildProxyGraph(result.dump).aggregated).toBe(true);
    expectSameViews(result.dump);
  });
});
