// The row both stores write: validated fields, a fresh id and the gzipped dump. Validation lives
// here, once, so SQLite and PostgreSQL accept exactly the same snapshots.
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  storeError,
  type NewSnapshot,
  type SnapshotKind,
  type SnapshotMeta,
  type StoreResult,
} from './SnapshotStore';

/** Longest snapshot name, characters. */
export const MAX_NAME_LENGTH = 200;
/** Longest source description, characters. */
export const MAX_SOURCE_LENGTH = 1000;
/** Longest saved view state (a URL query), characters. */
export const MAX_VIEW_STATE_LENGTH = 16 * 1024;

/** A snapshot ready to insert: its metadata plus the gzipped dump. */
export interface SnapshotRecord {
  meta: SnapshotMeta;
  gzip: Buffer;
}

const kinds: readonly SnapshotKind[] = ['upload', 'live'];

/** A new random id: 9 random bytes as 12 base64url characters (safe in URLs and file names). */
export function newSnapshotId(): string {
  return randomBytes(9).toString('base64url');
}

/** True for strings shaped like ids this module makes (cheap check before any query). */
export function isSnapshotId(id: string): boolean {
  return /^[A-Za-z0-9_-]{12}$/.test(id);
}

/** Validates a snapshot, gives it an id and gzips its dump. */
export function toSnapshotRecord(s: NewSnapshot): StoreResult<SnapshotRecord> {
  const name = s.name.trim();
  if (name === '') return storeError('invalid', 'The snapshot needs a name.');
  if (name.length > MAX_NAME_LENGTH) {
    return storeError('invalid', `The snapshot name is longer than ${MAX_NAME_LENGTH} characters.`);
  }
  if (!kinds.includes(s.kind)) {
    return storeError('invalid', `The snapshot kind must be "upload" or "live", not "${s.kind}".`);
  }
  if (s.source.length > MAX_SOURCE_LENGTH) {
    return storeError('invalid', `The source is longer than ${MAX_SOURCE_LENGTH} characters.`);
  }
  if (s.dump.trim() === '') return storeError('invalid', 'The dump is empty.');
  const viewState = s.viewState?.replace(/^\?/, '') || null;
  if (viewState !== null && viewState.length > MAX_VIEW_STATE_LENGTH) {
    return storeError(
      'invalid',
      `The view state is longer than ${MAX_VIEW_STATE_LENGTH} characters.`,
    );
  }
  const createdAt = s.createdAt ?? new Date();
  if (Number.isNaN(createdAt.getTime()))
    return storeError('invalid', 'The creation time is not a date.');
  const text = Buffer.from(s.dump, 'utf8');
  const gzip = gzipSync(text);
  return {
    ok: true,
    value: {
      meta: {
        id: newSnapshotId(),
        name,
        kind: s.kind,
        source: s.source.trim(),
        viewState,
        createdAt: createdAt.toISOString(),
        dumpBytes: text.length,
        storedBytes: gzip.length,
      },
      gzip,
    },
  };
}

/** The dump text of a stored gzip blob, or an error naming the snapshot when the blob is damaged. */
export function dumpOfRecord(id: string, gzip: Uint8Array): StoreResult<string> {
  try {
    return { ok: true, value: gunzipSync(gzip).toString('utf8') };
  } catch {
    return storeError('unavailable', `The stored dump of snapshot ${id} is damaged (not gzip).`);
  }
}

/** Narrows a database string to a kind (rows written by this module always hold one). */
export function kindOf(value: unknown): SnapshotKind {
  return value === 'live' ? 'live' : 'upload';
}
