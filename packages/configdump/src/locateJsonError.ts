// A minimal JSON scanner used only when JSON.parse failed without saying where (older V8 prints
// `Unexpected token '}', "..." is not valid JSON`). It returns the offset of the first byte that
// makes the text invalid. Iterative (explicit stack), so deeply nested input cannot overflow.

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function skipWs(s: string, i: number): number {
  while (i < s.length && WS.has(s.charCodeAt(i))) i++;
  return i;
}

function scanString(s: string, i: number): number {
  // s[i] is the opening quote; returns the offset after the closing quote, or -(bad offset) - 1.
  i++;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c === 0x5c) {
      const e = s[i + 1];
      if (e === 'u') {
        // V8 points at the first character that is not a hex digit.
        for (let k = i + 2; k < i + 6; k++) if (!/[0-9a-fA-F]/.test(s[k] ?? '')) return -k - 1;
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else return -(i + 1) - 1;
    } else i++;
  }
  return -i - 1;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Scans a number; like V8, an error points at the first character that cannot continue it. */
function scanNumber(s: string, i: number): number {
  if (s[i] === '-') i++;
  if (!isDigit(s.charCodeAt(i))) return -i - 1;
  if (s[i] === '0') i++;
  else while (isDigit(s.charCodeAt(i))) i++;
  if (s[i] === '.') {
    i++;
    if (!isDigit(s.charCodeAt(i))) return -i - 1;
    while (isDigit(s.charCodeAt(i))) i++;
  }
  if (s[i] === 'e' || s[i] === 'E') {
    i++;
    if (s[i] === '+' || s[i] === '-') i++;
    if (!isDigit(s.charCodeAt(i))) return -i - 1;
    while (isDigit(s.charCodeAt(i))) i++;
  }
  return i;
}

const LITERALS: Record<string, string> = { t: 'true', f: 'false', n: 'null' };

function scanValue(s: string, i: number): number {
  const c = s[i] ?? '';
  if (c === '"') return scanString(s, i);
  const lit = LITERALS[c];
  if (lit !== undefined) {
    for (let k = 1; k < lit.length; k++) if (s[i + k] !== lit[k]) return -(i + k) - 1;
    return i + lit.length;
  }
  if (c === '-' || isDigit(s.charCodeAt(i))) return scanNumber(s, i);
  return -i - 1;
}

/** Offset of the first error in `s`, or undefined if `s` is valid JSON. */
export function locateJsonError(s: string): number | undefined {
  // Each stack entry is the container being filled: '{' or '['.
  const stack: string[] = [];
  let i = skipWs(s, 0);
  // States: expecting a value (after '[', ',' in array, ':' in object, or at top level).
  let expectValue = true;
  let afterOpen = false;
  for (;;) {
    if (expectValue) {
      i = skipWs(s, i);
      if (i >= s.length) return s.length;
      const c = s[i];
      const top = stack[stack.length - 1];
      if (afterOpen && top === '[' && c === ']') {
        stack.pop();
        i++;
        expectValue = false;
        afterOpen = false;
        continue;
      }
      afterOpen = false;
      if (c === '{') {
        stack.push('{');
        i = skipWs(s, i + 1);
        if (s[i] === '}') {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        // expect a key
        if (s[i] !== '"') return i;
        const k = scanString(s, i);
        if (k < 0) return -k - 1;
        i = skipWs(s, k);
        if (s[i] !== ':') return i;
        i++;
        continue;
      }
      if (c === '[') {
        stack.push('[');
        i++;
        afterOpen = true;
        continue;
      }
      const end = scanValue(s, i);
      if (end < 0) return -end - 1;
      i = end;
      expectValue = false;
      continue;
    }
    i = skipWs(s, i);
    const top = stack[stack.length - 1];
    if (top === undefined) return i < s.length ? i : undefined;
    const c = s[i];
    if (i >= s.length) return s.length;
    if (c === ',') {
      i = skipWs(s, i + 1);
      if (top === '{') {
        if (s[i] !== '"') return i;
        const k = scanString(s, i);
        if (k < 0) return -k - 1;
        i = skipWs(s, k);
        if (s[i] !== ':') return i;
        i++;
      }
      expectValue = true;
      continue;
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
}
