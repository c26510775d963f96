/** IPv4 candidates: four dotted numbers not glued to other digits or dots (`10.1.2.3_9080` matches). */
export const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;

/** IPv6 candidates: runs of hex digits and colons (validated by `isIpv6`), optionally ending in an IPv4. */
export const IPV6 =
  /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?::(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;

/** True for a dotted quad with every octet <= 255. */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** True for a textual IPv6 address (RFC 4291 forms, `::` compression, embedded IPv4 tail). */
export function isIpv6(text: string): boolean {
  let body = text;
  let groupsFromV4 = 0;
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIpv4(tail)) return false;
    body = `${body.slice(0, lastColon + 1)}0`;
    groupsFromV4 = 1;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string): string[] | undefined => {
    if (h === '') return [];
    const g = h.split(':');
    return g.every((x) => /^[0-9A-Fa-f]{1,4}$/.test(x)) ? g : undefined;
  };
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if (!left || !right) return false;
  const count = left.length + right.length + groupsFromV4;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Addresses that identify nothing (wildcards, loopback, broadcast): left as they are. */
export function isNonIdentifyingIp(ip: string): boolean {
  return (
    ip === '0.0.0.0' ||
    ip === '255.255.255.255' ||
    ip.startsWith('127.') ||
    ip === '::' ||
    ip === '::1' ||
    ip === '::0'
  );
}

/** Placeholders live in ranges no real network uses: 240.0.0.0/4 (reserved) and 2001:db8::/32 (documentation). */
export function isPlaceholderIp(ip: string): boolean {
  if (isIpv4(ip)) {
    const first = Number(ip.split('.')[0]);
    return first >= 240 && ip !== '255.255.255.255';
  }
  return /^2001:db8:/i.test(ip);
}

/** The IPv4 placeholder for a hash: 240.0.0.1 .. 254.255.255.254. */
export function ipv4Placeholder(hash: number): string {
  const first = 240 + (hash % 15);
  const rest = ((hash >>> 4) % (2 ** 24 - 2)) + 1;
  return `${first}.${(rest >> 16) & 255}.${(rest >> 8) & 255}.${rest & 255}`;
}

/** The IPv6 placeholder for a hash, in 2001:db8::/32. */
export function ipv6Placeholder(hash: number): string {
  return `2001:db8::${((hash >>> 16) & 0xffff).toString(16)}:${(hash & 0xffff).toString(16)}`;
}
