import { gunzipSync } from 'node:zlib';

/** One regular file of a tar archive. */
export interface TarEntry {
  /** Path inside the archive, `/`-separated, as stored (never used as a local path). */
  path: string;
  data: Buffer;
}

/** Why an archive could not be read. */
export interface TarError {
  message: string;
}

/** Limits against archive bombs. */
export interface TarLimits {
  /** Largest decompressed archive, bytes. Default 1 GiB. */
  maxBytes?: number;
}

const BLOCK = 512;

function cString(buf: Buffer, start: number, length: number): string {
  const slice = buf.subarray(start, start + length);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul === -1 ? slice.length : nul).toString('utf8');
}

/** Octal numeric field, or GNU base-256 when the high bit of the first byte is set. */
function numeric(buf: Buffer, start: number, length: number): number {
  const first = buf[start] ?? 0;
  if (first & 0x80) {
    let value = first & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + (buf[start + i] ?? 0);
    return value;
  }
  const text = cString(buf, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return sum === numeric(header, 148, 8);
}

/** `path=` of a pax extended header (records `"<len> key=value\n"`). */
function paxPath(data: Buffer): string | undefined {
  let offset = 0;
  let path: string | undefined;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number(data.subarray(offset, space).toString('ascii'));
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    offset += length;
  }
  return path;
}

/**
 * Reads the regular files of a `.tar.gz` (or plain `.tar`) archive in memory: ustar (with its
 * name prefix), GNU long names (`L`) and pax `path` headers; links, directories and devices are
 * skipped. Tar is 512-byte headers followed by the data padded to 512, ended by zero blocks.
 */
export function readTarGz(
  input: Buffer,
  limits: TarLimits = {},
): { ok: true; entries: TarEntry[] } | { ok: false; error: TarError } {
  const maxBytes = limits.maxBytes ?? 1024 * 1024 * 1024;
  let tar: Buffer;
  try {
    tar =
      input[0] === 0x1f && input[1] === 0x8b
        ? gunzipSync(input, { maxOutputLength: maxBytes })
        : input;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: {
        message: /maxOutputLength|buffer/i.test(reason)
          ? `the archive is larger than ${maxBytes} bytes once decompressed`
          : `not a valid gzip file (${reason})`,
      },
    };
  }
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  let ended = false;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) {
      ended = true; // end-of-archive marker
      break;
    }
    if (!checksumOk(header)) {
      return {
        ok: false,
        error: { message: `not a tar archive: bad header checksum at byte ${offset}` },
      };
    }
    const size = numeric(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + BLOCK;
    if (dataStart + size > tar.length) {
      return {
        ok: false,
        error: {
          message: `the archive is truncated: an entry at byte ${offset} needs ${size} bytes, ${tar.length - dataStart} remain`,
        },
      };
    }
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      longName = cString(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      longName = paxPath(data) ?? longName;
      continue;
    }
    if (type === 'g') continue; // global pax header
    const magic = cString(header, 257, 6);
    const prefix = magic.startsWith('ustar') ? cString(header, 345, 155) : '';
    const name = cString(header, 0, 100);
    const path = longName ?? (prefix ? `${prefix}/${name}` : name);
    longName = undefined;
    if (type === '0' || type === '\0' || type === '7')
      entries.push({ path: path.replace(/^\.\//, ''), data: Buffer.from(data) });
  }
  // Bytes left that are not a whole header: not tar at all, or cut in the middle of a header.
  if (!ended && offset < tar.length) {
    return {
      ok: false,
      error: {
        message:
          entries.length === 0 ? 'not a tar archive' : `the archive is truncated at byte ${offset}`,
      },
    };
  }
  return { ok: true, entries };
}
