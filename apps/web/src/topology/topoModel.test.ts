import { readFileSync } from 'node:fs';
import type { KialiGraphResponse } from '@meshlens/topology';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { healthOf, trafficModel } from './topoModel';
import { collapseBoxes, findMatching, hideMatching } from './topoView';
import { parseTopoExpression, type TopoExpression } from './topoExpression';

const expr = (text: string): TopoExpression | undefined => {
  const r = parseTopoExpression(text);
  if (!r.ok) throw new Error(r.message);
  return r.expression;
};

it('health by error rate: Kiali tolerances (degraded above 0.1 %, failure from 20 %)', () => {
  expect(healthOf(undefined, undefined)).toBe('idle');
  expect(healthOf(0, 5)).toBe('healthy');
  expect(healthOf(0.5, 5)).toBe('degraded');
  expect(healthOf(25, 5)).toBe('failure');
});

describeFixtures("Kiali's versioned-app graph (kiali-graph fixture) as the page draws it", () => {
  const raw = JSON.parse(
    readFileSync(fixture('kiali-graph', 'test_versioned_app_graph.expected'), 'utf8'),
  ) as KialiGraphResponse;
  const m = trafficModel(raw);
  const kialiNodes = raw.elements.nodes.filter((n) => n.data.nodeType !== 'box');

  it('keeps every Kiali node and edge, with unique ids, inside namespace boxes', () => {
    const ids = new Set(m.nodes.map((n) => n.id));
    expect(ids.size).toBe(m.nodes.length);
    expect(m.nodes.filter((n) => !n.box)).toHaveLength(kialiNodes.length);
    expect(m.edges).toHaveLength(raw.elements.edges.length);
    for (const e of m.edges) {
      expect(ids.has(e.source), e.source).toBe(true);
      expect(ids.has(e.target), e.target).toBe(true);
    }
    const namespaces = new Set(kialiNodes.map((n) => `ns:${n.data.cluster}/${n.data.namespace}`));
    for (const ns of namespaces) expect(ids.has(ns), ns).toBe(true);
    for (const n of m.nodes.filter((x) => !x.box)) expect(n.parent, n.id).toBeDefined();
  });

  it('edge rates are the numbers of Kiali edge `traffic.rates`', () => {
    for (const { data } of raw.elements.edges) {
      const e = m.edges.find((x) => x.trafficEdge === data.id);
      const http = data.traffic?.rates?.http;
      if (http !== undefined) expect(e?.rps).toBeCloseTo(Number(http), 6);
    }
  });

  it('hide removes matching nodes with their edges and emptied boxes; find marks the rest', () => {
    const namespaces = [...new Set(kialiNodes.map((n) => n.data.namespace))];
    const first = namespaces[0] ?? '';
    const { model, hidden } = hideMatching(m, expr(`ns = ${first}`));
    expect(model.nodes.some((n) => !n.box && n.namespace === first)).toBe(false);
    expect(hidden.length).toBeGreaterThan(0);
    const ids = new Set(model.nodes.map((n) => n.id));
    for (const e of model.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    const found = findMatching(m, expr('rps > 0'));
    const withTraffic = m.edges.filter((e) => (e.rps ?? 0) > 0).map((e) => e.id);
    for (const id of withTraffic) expect(found).toContain(id);
  });

  it('a collapsed namespace box becomes one node and keeps the edges crossing it', () => {
    const box = m.nodes.find((n) => n.box === 'namespace');
    if (!box) throw new Error('no namespace box');
    const c = collapseBoxes(m, new Set([box.id]));
    const inside = (id: string): boolean => {
      for (let p = m.nodes.find((n) => n.id === id)?.parent; p;) {
        if (p === box.id) return true;
        p = m.nodes.find((n) => n.id === p)?.parent;
      }
      return false;
    };
    expect(c.nodes.find((n) => n.id === box.id)?.collapsed).toBe(true);
    expect(c.nodes.some((n) => inside(n.id))).toBe(false);
    const crossing = m.edges.filter((e) => inside(e.source) !== inside(e.target));
    if (crossing.length > 0) {
      expect(c.edges.some((e) => e.source === box.id || e.target === box.id)).toBe(true);
    }
    const ids = new Set(c.nodes.map((n) => n.id));
    for (const e of c.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });
});
