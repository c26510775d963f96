import { describe, expect, it } from 'vitest';
import { decodeMeshUrlState, defaultMeshUrlState, encodeMeshUrlState } from './meshUrlState';

const roundTrip = (s: Parameters<typeof encodeMeshUrlState>[0]) =>
  decodeMeshUrlState(new URLSearchParams(encodeMeshUrlState(s)));

describe('mesh URL state', () => {
  it('omits every default', () => {
    expect(encodeMeshUrlState(defaultMeshUrlState)).toEqual({});
    expect(decodeMeshUrlState(new URLSearchParams(''))).toEqual(defaultMeshUrlState);
  });

  it('round-trips page, filter, health, proxy, diff and upload', () => {
    const s = {
      open: true,
      filter: 'reviews v2',
      health: 'stale' as const,
      proxy: 'reviews-v2-x.bookinfo',
      diff: true,
      upload: 'br3',
    };
    expect(roundTrip(s)).toEqual(s);
    expect(new URLSearchParams(encodeMeshUrlState(s)).toString()).toContain(
      'm.p=reviews-v2-x.bookinfo',
    );
  });

  it('drops bad values: unknown health, a diff without a proxy, an upload id that is not one', () => {
    const s = decodeMeshUrlState(new URLSearchParams('mesh&m.s=purple&m.d=1&m.src=../x'));
    expect(s).toEqual({ ...defaultMeshUrlState, open: true, diff: true });
    expect(encodeMeshUrlState(s)).toEqual({ mesh: '' });
  });
});
