import { describe, expect, test } from 'vitest';
import { closeDiff, decodeDiffParams, encodeDiffUrlState } from './diffUrlState';

describe('diffUrlState', () => {
  test('round-trips labels with URL-special characters and the selected change', () => {
    const state = {
      left: 'pilot config & co.json',
      right: 'reviews-v1-5f8c?x=1',
      selected: 'cluster:outbound|15004||istio-policy.istio-system.svc.cluster.local',
    };
    const qs = new URLSearchParams(encodeDiffUrlState(state)).toString();
    expect(decodeDiffParams(new URLSearchParams(qs))).toEqual(state);
  });

  test('absent without d.l / d.r; one side alone still opens the view', () => {
    expect(decodeDiffParams(new URLSearchParams('dump=a&d.s=x'))).toBeUndefined();
    expect(decodeDiffParams(new URLSearchParams('d.r=b'))).toEqual({ left: '', right: 'b' });
  });

  test('closeDiff drops only the diff', () => {
    expect(closeDiff({ view: 'graph', diff: { left: 'a', right: 'b' } })).toEqual({
      view: 'graph',
    });
  });
});
