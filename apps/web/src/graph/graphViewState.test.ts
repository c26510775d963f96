import { describe, expect, it } from 'vitest';
import {
  decodeGraphViewState,
  defaultGraphViewState,
  encodeGraphViewState,
  type GraphViewState,
} from './graphViewState';

const roundTrip = (s: GraphViewState): GraphViewState =>
  decodeGraphViewState(new URLSearchParams(encodeGraphViewState(s)));

describe('graph view state in the URL', () => {
  it('omits every default, so a fresh graph adds nothing to the URL', () => {
    expect(encodeGraphViewState(defaultGraphViewState)).toEqual({});
    expect(decodeGraphViewState(new URLSearchParams())).toEqual(defaultGraphViewState);
  });

  it('round-trips a full state with Istio names full of | and /', () => {
    const s: GraphViewState = {
      direction: 'inbound',
      hiddenLevels: ['virtual_host', 'filter_chain'],
      expanded: [
        'group:clusters:namespace default',
        'group:endpoints:cluster:outbound|9080|v1|reviews.default.svc.cluster.local',
      ],
      focus: 'route:9080/reviews.default.svc.cluster.local:9080/0',
      search: 'Reviews & ratings',
      selected: 'ep:outbound|9080|v1|reviews.default.svc.cluster.local/10.1.2.3:9080',
      trace: 'GET http://reviews:9080/reviews/1?a=1&b=2#x\n-H end-user: jason\n--random 10',
    };
    const back = roundTrip(s);
    expect(back.hiddenLevels).toEqual(['filter_chain', 'virtual_host']);
    expect(back).toEqual({
      ...s,
      hiddenLevels: ['filter_chain', 'virtual_host'],
      expanded: [...s.expanded].sort(),
    });
    for (const key of Object.keys(encodeGraphViewState(s))) expect(key.startsWith('g.')).toBe(true);
  });

  it('ignores unknown directions and levels instead of failing', () => {
    const s = decodeGraphViewState(new URLSearchParams('g.dir=sideways&g.hide=route,bogus'));
    expect(s.direction).toBe('all');
    expect(s.hiddenLevels).toEqual(['route']);
  });
});
