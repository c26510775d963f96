/** One DER TLV: tag byte, and the content as offsets into the buffer. */
export interface Tlv {
  tag: number;
  /** Offset of the first content byte. */
  start: number;
  /** Offset just past the content. */
  end: number;
}

/**
 * Reads the TLV at `pos` of `buf` (definite lengths only, as DER requires).
 * Returns undefined when the bytes do not hold a complete TLV.
 */
export function readTlv(buf: Uint8Array, pos: number, limit = buf.length): Tlv | undefined {
  if (pos + 2 > limit) return undefined;
  const tag = buf[pos]!;
  // High-tag-number form is never used by X.509 fields we read.
  if ((tag & 0x1f) === 0x1f) return undefined;
  let len = buf[pos + 1]!;
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]!;
    p += n;
  }
  if (p + len > limit) return undefined;
  return { tag, start: p, end: p + len };
}

/** The TLVs directly inside a constructed TLV. Stops at the first malformed child. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let p = parent.start;
  while (p < parent.end) {
    const t = readTlv(buf, p, parent.end);
    if (!t) break;
    out.push(t);
    p = t.end;
  }
  return out;
}

/** Lowercase hex of the bytes, two digits each. */
export function hex(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += buf[i]!.toString(16).padStart(2, '0');
  return s;
}

/** Dotted-decimal text of an OBJECT IDENTIFIER's content bytes. */
export function oid(buf: Uint8Array, t: Tlv): string {
  if (t.end <= t.start) return '';
  const first = buf[t.start]!;
  const parts = [first < 80 ? Math.floor(first / 40) : 2, first < 80 ? first % 40 : first - 80];
  let v = 0;
  for (let i = t.start + 1; i < t.end; i++) {
    const b = buf[i]!;
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** Latin-1 / ASCII text of the content bytes (the string types X.509 names use in practice). */
export function text(buf: Uint8Array, t: Tlv): string {
  let s = '';
  for (let i = t.start; i < t.end; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ) as `2023-05-16T01:32:52Z`. */
export function time(buf: Uint8Array, t: Tlv): string | undefined {
  const s = text(buf, t);
  let m: RegExpExecArray | null;
  if (t.tag === 0x17 && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?Z$/.exec(s))) {
    // RFC 5280: two-digit years 50-99 are 19xx, 00-49 are 20xx.
    const yy = Number(m[1]);
    const year = yy >= 50 ? 1900 + yy : 2000 + yy;
    return `${year}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}Z`;
  }
  if (t.tag === 0x18 && (m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.\d+)?Z$/.exec(s))) {
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  }
  return undefined;
}
