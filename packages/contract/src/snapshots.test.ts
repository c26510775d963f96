import { describe, expect, it } from 'vitest';
import { snapshotIdFromQuery, snapshotPermalink } from './snapshots';

describe('snapshot permalinks', () => {
  it('round-trips an id through the permalink query, with or without the leading ?', () => {
    const link = snapshotPermalink('aB3_-xYz0123');
    expect(link).toBe('/?snapshot=aB3_-xYz0123');
    const query = link.slice(link.indexOf('?'));
    expect(snapshotIdFromQuery(query)).toBe('aB3_-xYz0123');
    expect(snapshotIdFromQuery(query.slice(1))).toBe('aB3_-xYz0123');
  });

  it('escapes characters that would break the query and reads them back', () => {
    const link = snapshotPermalink('a&b=c d');
    expect(link).not.toContain('&b=');
    expect(snapshotIdFromQuery(link.slice(1))).toBe('a&b=c d');
  });

  it('finds the id among other parameters and ignores a missing or empty one', () => {
    expect(snapshotIdFromQuery('?view=graph&snapshot=abc&q=x')).toBe('abc');
    expect(snapshotIdFromQuery('?view=graph')).toBeUndefined();
    expect(snapshotIdFromQuery('?snapshot=')).toBeUndefined();
    expect(snapshotIdFromQuery('')).toBeUndefined();
  });

  it('reads the query the way the browser does (+ is a space; a broken escape stays as written)', () => {
    // What `new URLSearchParams(q).get('snapshot')` answers in Chromium and Node.
    expect(snapshotIdFromQuery('?snapshot=a+b')).toBe('a b');
    expect(snapshotIdFromQuery('?x=%zz&snapshot=%E2%9C%93')).toBe('\u2713');
    expect(snapshotIdFromQuery('?snapshot=100%')).toBe('100%');
  });
});
