import { describe, expect, it } from 'vitest';
import { diffJson, lcsPairs } from './diffJson';
import { normalizeJson } from './normalizeJson';

const d = (a: unknown, b: unknown) =>
  diffJson(normalizeJson(a as never), normalizeJson(b as never));

describe('diffJson', () => {
  it('ignores key order, snake/camel case, @type generations and volatile fields', () => {
    expect(
      d(
        {
          name: 'c',
          connect_timeout: '1s',
          version_info: '1',
          '@type': 'type.googleapis.com/envoy.api.v2.Cluster',
        },
        {
          '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
          connectTimeout: '1s',
          name: 'c',
          versionInfo: '2',
        },
      ),
    ).toEqual([]);
  });

  it('keeps map keys (filter names, labels) as written', () => {
    expect(
      d(
        { typed_per_filter_config: { 'envoy.ext_authz': 1 } },
        { typedPerFilterConfig: { 'envoy.ext_authz': 2 } },
      ),
    ).toEqual([
      { path: 'typedPerFilterConfig["envoy.ext_authz"]', op: 'changed', before: 1, after: 2 },
    ]);
  });

  it('compares unordered lists as multisets and pairs changed elements by name', () => {
    expect(d({ domains: ['a', 'b', 'c'] }, { domains: ['c', 'a', 'b'] })).toEqual([]);
    expect(
      d(
        {
          clusters: [
            { name: 'x', weight: 10 },
            { name: 'y', weight: 90 },
          ],
        },
        {
          clusters: [
            { name: 'y', weight: 80 },
            { name: 'x', weight: 10 },
            { name: 'z', weight: 10 },
          ],
        },
      ),
    ).toEqual([
      { path: 'clusters[1].weight', op: 'changed', before: 90, after: 80 },
      { path: 'clusters[2]', op: 'added', after: { name: 'z', weight: 10 } },
    ]);
  });

  it('compares ordered lists (filters) by position and reports displaced elements as moved', () => {
    const f = (...names: string[]) => ({ http_filters: names.map((name) => ({ name })) });
    expect(d(f('a', 'b', 'c'), f('a', 'c'))).toEqual([
      { path: 'httpFilters[1]', op: 'removed', before: { name: 'b' } },
    ]);
    expect(d(f('a', 'b', 'c'), f('b', 'c', 'a'))).toEqual([
      { path: 'httpFilters[0]', op: 'moved', before: 0, after: 2 },
    ]);
  });

  it('lcsPairs finds a longest common subsequence', () => {
    expect(lcsPairs(['a', 'b', 'c', 'd'], ['b', 'x', 'd'])).toEqual([
      [1, 0],
      [3, 2],
    ]);
  });
});
