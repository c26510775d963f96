import type { JsonValue } from '@meshlens/configdump';
import { elementIdentity, isOrderedList } from './listOrder';
import type { FieldChange } from './model';
import { canonicalText } from './normalizeJson';

/** Longest-common-subsequence tables beyond this many cells fall back to position-by-position. */
const MAX_LCS_CELLS = 4_000_000;

type Obj = { [key: string]: JsonValue };
const isObj = (v: JsonValue | undefined): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const IDENT = /^[A-Za-z_$@][\w$@]*$/;

/** `a.b`, or `a["envoy.filters.http.router"]` when the key is not a plain identifier. */
export function joinPath(path: string, key: string): string {
  if (!IDENT.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Field-level differences of two normalised values (see `normalizeJson`). Objects are compared
 * key by key; ordered lists (`isOrderedList`) by longest common subsequence, a displaced element
 * being reported as `moved`; other lists as multisets, unmatched leftovers paired by identity
 * (`elementIdentity`) or, without one, by position, and compared field by field.
 */
export function diffJson(
  a: JsonValue | undefined,
  b: JsonValue | undefined,
  path = '',
  key = '',
): FieldChange[] {
  const out: FieldChange[] = [];
  walk(a, b, path, key, out);
  return out;
}

function walk(
  a: JsonValue | undefined,
  b: JsonValue | undefined,
  path: string,
  key: string,
  out: FieldChange[],
): void {
  if (a === b) return;
  if (a === undefined) return void out.push({ path, op: 'added', after: b });
  if (b === undefined) return void out.push({ path, op: 'removed', before: a });
  if (canonicalText(a, key) === canonicalText(b, key)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (isOrderedList(key)) diffOrdered(a, b, path, key, out);
    else diffMultiset(a, b, path, key, out);
    return;
  }
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(a[k], b[k], joinPath(path, k), k, out);
    return;
  }
  out.push({ path, op: 'changed', before: a, after: b });
}

interface Leftover {
  index: number;
  value: JsonValue;
  id: string | undefined;
}

/** Pairs leftovers by identity, then identity-less ones by position; reports the rest. */
function pairLeftovers(
  removed: Leftover[],
  added: Leftover[],
  path: string,
  out: FieldChange[],
): void {
  const addedById = new Map<string, Leftover[]>();
  for (const x of added) {
    if (x.id === undefined) continue;
    const list = addedById.get(x.id) ?? [];
    list.push(x);
    addedById.set(x.id, list);
  }
  const used = new Set<Leftover>();
  const anonymousAdded = added.filter((x) => x.id === undefined);
  const unpaired: Leftover[] = [];
  for (const r of removed) {
    const partner = r.id === undefined ? anonymousAdded.shift() : addedById.get(r.id)?.shift();
    if (partner === undefined) {
      unpaired.push(r);
      continue;
    }
    used.add(partner);
    walk(r.value, partner.value, `${path}[${r.index}]`, '', out);
  }
  for (const r of unpaired)
    out.push({ path: `${path}[${r.index}]`, op: 'removed', before: r.value });
  for (const x of added)
    if (!used.has(x)) out.push({ path: `${path}[${x.index}]`, op: 'added', after: x.value });
}

function diffMultiset(
  a: JsonValue[],
  b: JsonValue[],
  path: string,
  key: string,
  out: FieldChange[],
): void {
  const pool = new Map<string, number[]>();
  b.forEach((v, j) => {
    const t = canonicalText(v);
    const list = pool.get(t) ?? [];
    list.push(j);
    pool.set(t, list);
  });
  const matchedB = new Set<number>();
  const removed: Leftover[] = [];
  a.forEach((v, i) => {
    const j = pool.get(canonicalText(v))?.shift();
    if (j !== undefined) matchedB.add(j);
    else removed.push({ index: i, value: v, id: elementIdentity(key, v, canonicalText) });
  });
  const added: Leftover[] = [];
  b.forEach((v, j) => {
    if (!matchedB.has(j))
      added.push({ index: j, value: v, id: elementIdentity(key, v, canonicalText) });
  });
  pairLeftovers(removed, added, path, out);
}

/** Index pairs of a longest common subsequence of two lists of texts. */
export function lcsPairs(ka: readonly string[], kb: readonly string[]): [number, number][] {
  const n = ka.length;
  const m = kb.length;
  if (n * m > MAX_LCS_CELLS) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < Math.min(n, m); i++) if (ka[i] === kb[i]) pairs.push([i, i]);
    return pairs;
  }
  const t: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = t[i]!;
    const next = t[i + 1]!;
    for (let j = m - 1; j >= 0; j--)
      row[j] = ka[i] === kb[j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function diffOrdered(
  a: JsonValue[],
  b: JsonValue[],
  path: string,
  key: string,
  out: FieldChange[],
): void {
  const ka = a.map((v) => canonicalText(v));
  const kb = b.map((v) => canonicalText(v));
  const pairs = lcsPairs(ka, kb);
  const inA = new Set(pairs.map(([i]) => i));
  const inB = new Set(pairs.map(([, j]) => j));
  // An element present on both sides but outside the common subsequence was moved.
  const addedByText = new Map<string, number[]>();
  kb.forEach((t, j) => {
    if (inB.has(j)) return;
    const list = addedByText.get(t) ?? [];
    list.push(j);
    addedByText.set(t, list);
  });
  const removed: Leftover[] = [];
  const movedTo = new Set<number>();
  ka.forEach((t, i) => {
    if (inA.has(i)) return;
    const j = addedByText.get(t)?.shift();
    if (j !== undefined) {
      movedTo.add(j);
      out.push({ path: `${path}[${i}]`, op: 'moved', before: i, after: j });
    } else removed.push({ index: i, value: a[i]!, id: elementIdentity(key, a[i], canonicalText) });
  });
  const added: Leftover[] = [];
  b.forEach((v, j) => {
    if (!inB.has(j) && !movedTo.has(j))
      added.push({ index: j, value: v, id: elementIdentity(key, v, canonicalText) });
  });
  pairLeftovers(removed, added, path, out);
}
