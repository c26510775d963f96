import { describe, expect, it } from 'vitest';
import { defaultGraphViewState } from '../graph/graphViewState';
import { type AppUrlState, decodeAppUrlState, encodeAppUrlState } from './appUrlState';

describe('app URL state', () => {
  it('decodes an empty query to the defaults and encodes the defaults to nothing', () => {
    const s = decodeAppUrlState('');
    expect(s).toEqual({
      view: 'overview',
      table: 'listeners',
      filter: '',
      graph: defaultGraphViewState,
    });
    expect(encodeAppUrlState(s)).toBe('');
  });

  it('round-trips every field, including names with URL-special characters', () => {
    const s: AppUrlState = {
      dump: 'productpage-v1-6b746f74dc-9stp2 (2)',
      view: 'tables',
      table: 'clusters',
      filter: 'outbound|9080||reviews & more',
      sort: { column: 'fqdn', desc: true },
      graph: {
        direction: 'inbound',
        hiddenLevels: ['endpoint'],
        expanded: [],
        selected: 'cluster:outbound|9080|v1|reviews.default.svc.cluster.local',
        focus: 'route:80/reviews.default.svc.cluster.local:80/0',
      },
    };
    const qs = encodeAppUrlState(s);
    expect(decodeAppUrlState(`?${qs}`)).toEqual(s);
    expect(new URLSearchParams(qs).get('q')).toBe('outbound|9080||reviews & more');
  });

  it('round-trips the trace view with its request (newlines, quotes, pipes)', () => {
    const s: AppUrlState = {
      dump: 'productpage',
      view: 'trace',
      table: 'listeners',
      filter: '',
      graph: {
        ...defaultGraphViewState,
        trace: 'GET http://reviews:9080/reviews/1?a=1&b=%2F\n-H end-user: "jason"\n--random 10',
      },
    };
    const qs = encodeAppUrlState(s);
    expect(new URLSearchParams(qs).get('view')).toBe('trace');
    expect(decodeAppUrlState(`?${qs}`)).toEqual(s);
  });

  it('round-trips the compare view beside the dump state', () => {
    const s: AppUrlState = {
      dump: 'b.json',
      view: 'graph',
      table: 'listeners',
      filter: '',
      graph: defaultGraphViewState,
      diff: { left: 'a & c.json', right: 'b.json', selected: 'cluster:outbound|80||x' },
    };
    const qs = encodeAppUrlState(s);
    expect(new URLSearchParams(qs).get('d.l')).toBe('a & c.json');
    expect(decodeAppUrlState(`?${qs}`)).toEqual(s);
  });

  it('falls back to defaults for unknown values instead of failing', () => {
    const s = decodeAppUrlState('?view=bogus&table=nope&sort=-');
    expect(s.view).toBe('overview');
    expect(s.table).toBe('listeners');
    expect(s.sort).toBeUndefined();
  });

  it('keeps ascending sorts distinct from descending ones', () => {
    expect(decodeAppUrlState('sort=name').sort).toEqual({ column: 'name', desc: false });
    expect(decodeAppUrlState('sort=-name').sort).toEqual({ column: 'name', desc: true });
  });
});
