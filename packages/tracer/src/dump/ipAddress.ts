import type { CidrRange } from '@meshlens/configdump';

/** A parsed IP address: family and value as a bigint (32 or 128 bits). */
export interface IpValue {
  family: 4 | 6;
  value: bigint;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

function parseV6(s: string): bigint | undefined {
  let text = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  const pct = text.indexOf('%');
  if (pct >= 0) text = text.slice(0, pct);
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) becomes two groups.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseV4(tail);
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  return v;
}

/** Parses an IPv4 or IPv6 literal; undefined for host names. */
export function parseIp(s: string): IpValue | undefined {
  const v4 = parseV4(s);
  if (v4 !== undefined) return { family: 4, value: v4 };
  if (!s.includes(':')) return undefined;
  const v6 = parseV6(s);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** True for `0.0.0.0` and `::`. */
export function isWildcardIp(s: string): boolean {
  const ip = parseIp(s);
  return ip !== undefined && ip.value === 0n;
}

/**
 * Whether `ip` falls in `cidr`. A missing `prefix_len` is `/0` (Envoy: matches everything of the
 * family). Host bits of the prefix are masked, as Envoy normalises CIDRs.
 */
export function cidrContains(cidr: CidrRange, ip: IpValue): boolean {
  const net = parseIp(cidr.addressPrefix);
  if (!net || net.family !== ip.family) return false;
  const bits = ip.family === 4 ? 32 : 128;
  const len = Math.max(0, Math.min(bits, cidr.prefixLen));
  if (len === 0) return true;
  const shift = BigInt(bits - len);
  return net.value >> shift === ip.value >> shift;
}

/** `10.0.0.0/8`. */
export function formatCidr(c: CidrRange): string {
  return `${c.addressPrefix}/${c.prefixLen}`;
}
