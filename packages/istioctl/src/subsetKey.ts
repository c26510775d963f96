// Istio names clusters `direction|port|subset|host` (pilot's `model.BuildSubsetKey`); istioctl
// decodes them with `model.ParseSubsetKey` to fill the SERVICE FQDN / PORT / SUBSET / DIRECTION
// columns. The rules below are istioctl's, including its edge cases (a non-numeric port reads as
// 0, a fifth `|` part leaves the host empty), so that our columns agree with its output.

/** The four parts istioctl reads from an Istio cluster name. */
export interface SubsetKey {
  direction: string;
  /** `0` when the port part is not a number, as Go's `strconv.Atoi` failure leaves it. */
  port: number;
  subset: string;
  host: string;
}

/** True when istioctl treats `name` as an Istio cluster name (more than three `|` parts). */
export function isSubsetKey(name: string): boolean {
  return name.split('|').length > 3;
}

/** Cuts `s` at the first `sep`, like Go's `strings.Cut`. */
function cut(s: string, sep: string): [string, string, boolean] {
  const at = s.indexOf(sep);
  return at < 0 ? [s, '', false] : [s.slice(0, at), s.slice(at + sep.length), true];
}

/** Go `strconv.Atoi` semantics: optional sign, decimal digits only, otherwise 0. */
function atoi(text: string): number {
  return /^[+-]?\d+$/.test(text) ? Number.parseInt(text, 10) : 0;
}

/** Decodes `dir|port|subset|host` (or the DNS SRV form `outbound_.port_.subset_.host`). */
export function parseSubsetKey(name: string): SubsetKey {
  const key: SubsetKey = { direction: '', port: 0, subset: '', host: '' };
  const sep = name.startsWith('outbound_') || name.startsWith('inbound_') ? '_.' : '|';
  const [dir, first, okDir] = cut(name, sep);
  if (!okDir) return key;
  key.direction = dir;
  let [part, rest, ok] = cut(first, sep);
  if (!ok) return key;
  key.port = atoi(part);
  [part, rest, ok] = cut(rest, sep);
  if (!ok) return key;
  key.subset = part;
  if (rest.includes(sep)) return key;
  key.host = rest;
  return key;
}

/** istioctl's `safelyParseSubsetKey`: non-Istio names sort by the whole name. */
export function sortKeyOf(name: string): SubsetKey {
  return isSubsetKey(name)
    ? parseSubsetKey(name)
    : { direction: '', port: 0, subset: '', host: name };
}

/** The order istioctl gives clusters and endpoints: host, then subset, then port, then direction. */
export function subsetKeyLess(a: SubsetKey, b: SubsetKey): boolean {
  if (a.host !== b.host) return a.host < b.host;
  if (a.subset !== b.subset) return a.subset < b.subset;
  if (a.port !== b.port) return a.port < b.port;
  return a.direction < b.direction;
}
