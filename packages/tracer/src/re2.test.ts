import { describe, expect, it } from 'vitest';
import { re2FullMatch, re2ReplaceAll } from './re2';

describe('re2', () => {
  it('full-matches (anchored both ends) and supports RE2-only syntax', () => {
    expect(re2FullMatch('/api', '/api/v1')).toEqual({ ok: true, matched: false });
    expect(re2FullMatch('(?i)/API/.*', '/api/v1')).toEqual({ ok: true, matched: true });
    expect(re2FullMatch('(a)\\1', 'aa').ok).toBe(false);
  });
  it('replaces globally with \\N groups and skips an empty match right after a match', () => {
    expect(
      re2ReplaceAll('^/service/([^/]+)(/.*)$', '/service/foo/v1/api', '\\2/instance/\\1'),
    ).toEqual({ ok: true, value: '/v1/api/instance/foo' });
    expect(re2ReplaceAll('a*', 'baaac', '-')).toEqual({ ok: true, value: '-b-c-' });
    expect(re2ReplaceAll('o', 'foo$1', '0$')).toEqual({ ok: true, value: 'f0$0$$1' });
  });
});
