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
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return -(i + 1) - 1;
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else return -(i + 1) - 1;
    } else i++;
  }
  return -i - 1;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scanValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return scanString(s, i);
  for (const lit of ['true', 'false', 'null']) {
    if (s.startsWith(lit, i)) return i + lit.length;
  }
  NUMBER.lastIndex = i;
  if (NUMBER.exec(s)) return NUMBER.lastIndex;
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
