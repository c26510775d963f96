import { describe, expect, it } from 'vitest';
import { matchesExpression, parseTopoExpression, type TopoExpression } from './topoExpression';

function parse(text: string): TopoExpression {
  const r = parseTopoExpression(text);
  if (!r.ok || !r.expression) throw new Error(`did not parse: ${text}`);
  return r.expression;
}

const reviews = { name: 'reviews', namespace: 'bookinfo', kind: 'service', rps: 2.5, errorPct: 0 };
const ratings = {
  name: 'ratings',
  namespace: 'bookinfo',
  kind: 'service',
  rps: 0.5,
  errorPct: 3.6,
};
const istiod = { name: 'istiod', namespace: 'istio-system', kind: 'service' };

describe('parseTopoExpression / matchesExpression', () => {
  it('compares numbers, treating a missing rate as zero', () => {
    const e = parse('rps > 1');
    expect([reviews, ratings, istiod].map((a) => matchesExpression(e, a))).toEqual([
      true,
      false,
      false,
    ]);
    expect(matchesExpression(parse('%error > 0'), ratings)).toBe(true);
    expect(matchesExpression(parse('%error > 0'), reviews)).toBe(false);
  });

  it('matches names case-insensitively, with * globs and aliases (ns)', () => {
    expect(matchesExpression(parse('ns = bookinfo'), reviews)).toBe(true);
    expect(matchesExpression(parse('ns = bookinfo'), istiod)).toBe(false);
    expect(matchesExpression(parse('name = Rev*'), reviews)).toBe(true);
    expect(matchesExpression(parse('name != reviews'), reviews)).toBe(false);
  });

  it('binds and tighter than or', () => {
    const e = parse('name = istiod or ns = bookinfo and rps > 1');
    expect([reviews, ratings, istiod].map((a) => matchesExpression(e, a))).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('returns errors as values naming the problem', () => {
    const unknown = parseTopoExpression('colour = red');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toContain('unknown attribute "colour"');
    const notNumber = parseTopoExpression('rps > lots');
    expect(notNumber.ok).toBe(false);
    const garbage = parseTopoExpression('reviews');
    expect(garbage.ok).toBe(false);
    expect(parseTopoExpression('  ')).toEqual({ ok: true, expression: undefined });
  });
});
