import { describe, expect, it } from 'vitest';
import type { GraphParts } from './graphParts';
import type { GraphEdge, GraphNode, GraphNodeKind } from './graphTypes';
import { hideLevels } from './hideLevels';

const node = (id: string, kind: GraphNodeKind): GraphNode => ({
  id,
  kind,
  label: id,
  column: 0,
  direction: 'other',
});
const edge = (source: string, target: string, weight?: number): GraphEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  kind: weight === undefined ? 'contains' : 'weighted',
  ...(weight === undefined ? {} : { weight, label: `${weight}%` }),
});

// rc -> vh -> two routes; r1 splits 30/70 over a and b, r2 sends everything to b.
const parts: GraphParts = {
  nodes: [
    node('rc', 'route_config'),
    node('vh', 'virtual_host'),
    node('r1', 'route'),
    node('r2', 'route'),
    node('a', 'cluster'),
    node('b', 'cluster'),
  ],
  edges: [
    edge('rc', 'vh'),
    edge('vh', 'r1'),
    edge('vh', 'r2'),
    edge('r1', 'a', 30),
    edge('r1', 'b', 70),
    edge('r2', 'b'),
  ],
};

describe('hideLevels', () => {
  it('connects the parents of a hidden level to its children, once per pair', () => {
    const out = hideLevels(parts, ['virtual_host']);
    expect(out.nodes.map((n) => n.id)).not.toContain('vh');
    expect(out.edges.map((e) => e.id).sort()).toEqual([
      'r1->a',
      'r1->b',
      'r2->b',
      'rc->r1',
      'rc->r2',
    ]);
  });

  it('keeps a weight that one path carries and drops it where paths with different weights merge', () => {
    const out = hideLevels(parts, ['virtual_host', 'route']);
    const byId = new Map(out.edges.map((e) => [e.id, e]));
    expect([...byId.keys()].sort()).toEqual(['rc->a', 'rc->b']);
    expect(byId.get('rc->a')?.weight).toBe(30);
    expect(byId.get('rc->a')?.label).toBe('30%');
    // b is reached with 70% through r1 and unweighted through r2: no single share is true.
    expect(byId.get('rc->b')?.weight).toBeUndefined();
    expect(byId.get('rc->b')?.label).toBeUndefined();
  });

  it('never hides the focused node', () => {
    const out = hideLevels(parts, ['route'], 'r2');
    expect(out.nodes.map((n) => n.id)).toContain('r2');
    expect(out.nodes.map((n) => n.id)).not.toContain('r1');
    expect(out.edges.map((e) => e.id)).toContain('vh->a');
  });
});
