import { RE2JS } from 're2js';

// Envoy's regexes are Google RE2 and always anchored at both ends for matching; JavaScript's
// RegExp differs (look-around, backreferences, `(?i)`, `$1` substitutions), so every regex in the
// tracer goes through re2js, a port of RE2.

/** A compiled RE2 pattern, or the reason Envoy would have rejected it. */
export type Re2Result = { ok: true; re: RE2JS } | { ok: false; error: string };

const cache = new Map<string, Re2Result>();

/** Compiles (and memoises) an RE2 pattern; a syntax error is a value, not an exception. */
export function compileRe2(pattern: string): Re2Result {
  let r = cache.get(pattern);
  if (r === undefined) {
    try {
      r = { ok: true, re: RE2JS.compile(pattern) };
    } catch (err) {
      r = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    cache.set(pattern, r);
  }
  return r;
}

/** RE2 full match (`RE2::FullMatch`), as Envoy's `safe_regex` matchers do. */
export function re2FullMatch(
  pattern: string,
  text: string,
): { ok: true; matched: boolean } | { ok: false; error: string } {
  const c = compileRe2(pattern);
  if (!c.ok) return c;
  return { ok: true, matched: c.re.testExact(text) };
}

/** Expands an RE2 rewrite string: `\0`..`\9` are groups, `\\` is a backslash. */
function expand(substitution: string, group: (n: number) => string): string {
  let out = '';
  for (let i = 0; i < substitution.length; i++) {
    const ch = substitution[i];
    const next = substitution[i + 1];
    if (ch === '\\' && next !== undefined && next >= '0' && next <= '9') {
      out += group(Number(next));
      i++;
    } else if (ch === '\\' && next === '\\') {
      out += '\\';
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * `RE2::GlobalReplace`: replaces every non-overlapping match. Like RE2 (and unlike Java's
 * matcher) an empty match right at the end of the previous match is skipped.
 */
export function re2ReplaceAll(
  pattern: string,
  text: string,
  substitution: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const c = compileRe2(pattern);
  if (!c.ok) return c;
  const m = c.re.matcher(text);
  let out = '';
  let copied = 0;
  let lastEnd = -1;
  let pos = 0;
  while (pos <= text.length && m.find(pos)) {
    const start = m.start();
    const end = m.end();
    if (start === end && start === lastEnd) {
      // Disallowed empty match: move one character on.
      if (start >= text.length) break;
      pos = start + 1;
      continue;
    }
    out += text.slice(copied, start);
    out += expand(substitution, (n) => (n <= m.groupCount() ? (m.group(n) ?? '') : ''));
    copied = end;
    lastEnd = end;
    pos = end === start ? end + 1 : end;
  }
  out += text.slice(copied);
  return { ok: true, value: out };
}
