import { describe, expect, it } from 'vitest';
import { focusGraph } from './focusGraph';
import type { GraphParts } from './graphParts';
import type { GraphNode } from './graphTypes';

const node = (id: string): GraphNode => ({
  id,
  kind: 'cluster',
  label: id,
  column: 0,
  direction: 'other',
});
const edge = (s: string, t: string) => ({
  id: `${s}->${t}`,
  source: s,
  target: t,
  kind: 'route' as const,
});

// l1 -> c1 -> f -> x ; l1 -> y (a sibling branch) ; l2 -> f ; c1 -> x (bypasses f)
const parts: GraphParts = {
  nodes: ['l1', 'l2', 'c1', 'f', 'x', 'y'].map(node),
  edges: [
    edge('l1', 'c1'),
    edge('c1', 'f'),
    edge('f', 'x'),
    edge('l1', 'y'),
    edge('l2', 'f'),
    edge('c1', 'x'),
  ],
};

describe('focusGraph', () => {
  it('keeps ancestors and descendants of the focused node and nothing else', () => {
    const out = focusGraph(parts, 'f');
    expect(out?.nodes.map((n) => n.id).sort()).toEqual(['c1', 'f', 'l1', 'l2', 'x']);
  });

  it('drops edges that bypass the focused node', () => {
    const out = focusGraph(parts, 'f');
    expect(out?.edges.map((e) => e.id).sort()).toEqual(['c1->f', 'f->x', 'l1->c1', 'l2->f']);
  });

  it('says when the node is not on the graph', () => {
    expect(focusGraph(parts, 'nope')).toBeUndefined();
  });
});
