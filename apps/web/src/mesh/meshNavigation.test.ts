import { describe, expect, it } from 'vitest';
import { decodeAppUrlState, encodeAppUrlState } from '../urlState/appUrlState';
import { closeMeshPage, openMeshPage, updateMeshState } from './meshNavigation';

describe('mesh page navigation in the app URL', () => {
  it('opens the page keeping its filter and selection, and closes it keeping them too', () => {
    const start = decodeAppUrlState('dump=a&m.q=reviews&m.p=reviews-v2-x.bookinfo');
    const opened = openMeshPage(start);
    expect(encodeAppUrlState(opened)).toBe('dump=a&mesh=&m.q=reviews&m.p=reviews-v2-x.bookinfo');
    const closed = closeMeshPage(opened);
    expect(closed.mesh).toEqual({ ...opened.mesh, open: false });
    expect(encodeAppUrlState(closed)).toBe('dump=a&m.q=reviews&m.p=reviews-v2-x.bookinfo');
  });

  it('returns the same state when the page was not open (no re-render)', () => {
    const s = decodeAppUrlState('dump=a');
    expect(closeMeshPage(s)).toBe(s);
  });

  it('updates the mesh part from the defaults when there was none', () => {
    const s = updateMeshState(decodeAppUrlState(''), (m) => ({ ...m, filter: 'v2' }));
    expect(encodeAppUrlState(s)).toBe('m.q=v2');
  });
});
