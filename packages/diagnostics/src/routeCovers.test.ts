import type { Route } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { routeCovers } from './routeCovers';

function route(
  match: Route['match']['path'],
  extra: Partial<Route['match']> = {},
  raw: Record<string, unknown> = {},
): Route {
  return {
    index: 0,
    match: {
      path: match,
      caseSensitive: true,
      headers: [],
      queryParameters: [],
      grpc: false,
      raw: raw as never,
      ...extra,
    },
    action: { kind: 'non_forwarding' },
    raw: {},
  };
}
const prefix = (value: string, cs = true): Route =>
  route({ kind: 'prefix', value }, { caseSensitive: cs });
const path = (value: string, cs = true): Route =>
  route({ kind: 'path', value }, { caseSensitive: cs });
const sep = (value: string): Route => route({ kind: 'path_separated_prefix', value });

describe('routeCovers', () => {
  it('prefix covers longer prefixes and paths under it', () => {
    expect(routeCovers(prefix('/api'), prefix('/api/v1'))).toBe(true);
    expect(routeCovers(prefix('/api'), path('/apix'))).toBe(true);
    expect(routeCovers(prefix('/api/v1'), prefix('/api'))).toBe(false);
    expect(routeCovers(prefix('/'), route({ kind: 'safe_regex', regex: '/x.*' }))).toBe(true);
  });
  it('path_separated_prefix covers only whole segments', () => {
    expect(routeCovers(sep('/api'), path('/api/x'))).toBe(true);
    expect(routeCovers(sep('/api'), path('/apix'))).toBe(false);
    expect(routeCovers(sep('/api'), prefix('/api'))).toBe(false);
  });
  it('respects case sensitivity', () => {
    expect(routeCovers(prefix('/API', false), prefix('/api/x'))).toBe(true);
    expect(routeCovers(prefix('/api'), prefix('/api/x', false))).toBe(false);
    expect(routeCovers(path('/a'), path('/A'))).toBe(false);
  });
  it('needs every extra condition of the earlier route in the later one', () => {
    const h = { name: 'x', exact_match: '1' };
    const withHeader = route({ kind: 'prefix', value: '/' }, {}, { headers: [h] });
    expect(routeCovers(withHeader, prefix('/a'))).toBe(false);
    expect(
      routeCovers(
        withHeader,
        route({ kind: 'prefix', value: '/a' }, {}, { headers: [h, { name: 'y' }] }),
      ),
    ).toBe(true);
    expect(
      routeCovers(
        route(
          { kind: 'prefix', value: '/' },
          { runtimeFraction: { numerator: 5, denominator: 100 } },
        ),
        prefix('/a'),
      ),
    ).toBe(false);
    expect(routeCovers(route({ kind: 'prefix', value: '/' }, { grpc: true }), prefix('/a'))).toBe(
      false,
    );
  });
});
