// Find and hide expressions of the topology page, Kiali-style: `rps > 1`, `ns = bookinfo`,
// `name = reviews*`, `%error > 0`, joined with `and` / `or` (`and` binds tighter). Parsed once per
// keystroke into a predicate over an element's attributes; a bad expression is a value with a
// message naming the problem, never an exception.

/** Attribute values of a node or edge the expressions can test. */
export type TopoAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

type Op = '=' | '!=' | '>' | '>=' | '<' | '<=';

interface Comparison {
  attr: string;
  op: Op;
  value: string;
}

/** A parsed expression: OR of ANDs of comparisons. */
export interface TopoExpression {
  anyOf: Comparison[][];
}

/** Result of {@link parseTopoExpression}. */
export type ParsedExpression =
  { ok: true; expression: TopoExpression | undefined } | { ok: false; message: string };

// Aliases users type (Kiali's find/hide vocabulary) -> the attribute names elements carry.
const aliases: Record<string, string> = {
  ns: 'namespace',
  namespace: 'namespace',
  name: 'name',
  app: 'app',
  version: 'version',
  workload: 'workload',
  wl: 'workload',
  service: 'service',
  svc: 'service',
  cluster: 'cluster',
  kind: 'kind',
  node: 'kind',
  type: 'kind',
  rps: 'rps',
  '%error': 'errorPct',
  '%err': 'errorPct',
  error: 'errorPct',
  p95: 'p95',
  rt: 'p95',
  responsetime: 'p95',
  bytes: 'bytes',
  protocol: 'protocol',
  mtls: 'mtls',
  health: 'health',
};

/** The names accepted on the left of a comparison. */
export const expressionAttributes = Object.keys(aliases);

const comparisonRe = /^\s*(%?[a-zA-Z][\w%]*)\s*(!=|>=|<=|=|>|<)\s*(.+?)\s*$/;

/** Parses an expression; empty text is "no expression". */
export function parseTopoExpression(text: string): ParsedExpression {
  if (text.trim() === '') return { ok: true, expression: undefined };
  const anyOf: Comparison[][] = [];
  for (const orPart of text.split(/\s+or\s+|\s*\|\|\s*/i)) {
    const allOf: Comparison[] = [];
    for (const andPart of orPart.split(/\s+and\s+|\s*&&\s*/i)) {
      const m = comparisonRe.exec(andPart);
      if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) {
        return {
          ok: false,
          message: `"${andPart.trim()}" is not "<attribute> <op> <value>" (ops: = != > >= < <=), e.g. rps > 1`,
        };
      }
      const attr = aliases[m[1].toLowerCase()];
      if (attr === undefined) {
        return {
          ok: false,
          message: `unknown attribute "${m[1]}"; use one of: ${expressionAttributes.join(', ')}`,
        };
      }
      const op = m[2] as Op;
      const value = m[3].replace(/^["'](.*)["']$/, '$1');
      if (op !== '=' && op !== '!=' && !Number.isFinite(Number(value))) {
        return { ok: false, message: `"${m[3]}" after ${op} must be a number` };
      }
      allOf.push({ attr, op, value });
    }
    anyOf.push(allOf);
  }
  return { ok: true, expression: { anyOf } };
}

function globMatch(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern.toLowerCase() === text.toLowerCase();
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(text);
}

function test(c: Comparison, attrs: TopoAttributes): boolean {
  const actual = attrs[c.attr];
  if (c.op === '=' || c.op === '!=') {
    const equal =
      actual !== undefined &&
      (typeof actual === 'number'
        ? Number(c.value) === actual
        : globMatch(c.value, String(actual)));
    return c.op === '=' ? equal : !equal;
  }
  // Missing numbers (no traffic) count as 0, like Kiali's find on an idle edge.
  const n = typeof actual === 'number' ? actual : actual === undefined ? 0 : Number(actual);
  const v = Number(c.value);
  if (!Number.isFinite(n)) return false;
  switch (c.op) {
    case '>':
      return n > v;
    case '>=':
      return n >= v;
    case '<':
      return n < v;
    default:
      return n <= v;
  }
}

/** Whether an element's attributes satisfy the expression. */
export function matchesExpression(e: TopoExpression, attrs: TopoAttributes): boolean {
  return e.anyOf.some((all) => all.every((c) => test(c, attrs)));
}
