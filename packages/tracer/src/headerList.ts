/**
 * An HTTP header map as Envoy sees it: an ordered multi-map whose names compare
 * case-insensitively. Pseudo-headers (`:authority`, `:path`, `:method`, `:scheme`) live in it too.
 */
export type HeaderList = [name: string, value: string][];

/** Every value of `name`, in order. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const key = name.toLowerCase();
  const out: string[] = [];
  for (const [n, v] of headers) if (n.toLowerCase() === key) out.push(v);
  return out;
}

/** Envoy's view of a repeated header for matching: all values joined with `,`; undefined if absent. */
export function headerJoined(headers: HeaderList, name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 0 ? undefined : values.join(',');
}

/** The first value of `name`, if any. */
export function headerFirst(headers: HeaderList, name: string): string | undefined {
  return headerValues(headers, name)[0];
}

/** A copy without any `name` entry. */
export function removeHeader(headers: HeaderList, name: string): HeaderList {
  const key = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() !== key);
}

/** A copy where `name` has exactly one value, kept at the position of its first occurrence. */
export function setHeader(headers: HeaderList, name: string, value: string): HeaderList {
  const key = name.toLowerCase();
  const out: HeaderList = [];
  let placed = false;
  for (const [n, v] of headers) {
    if (n.toLowerCase() !== key) out.push([n, v]);
    else if (!placed) {
      out.push([key, value]);
      placed = true;
    }
  }
  if (!placed) out.push([key, value]);
  return out;
}

/** A copy with one more `name: value` entry. */
export function addHeader(headers: HeaderList, name: string, value: string): HeaderList {
  return [...headers, [name.toLowerCase(), value]];
}
