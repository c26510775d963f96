// The saved-snapshot store: one interface, two implementations (embedded SQLite by default,
// PostgreSQL for teams sharing one server). Every method resolves to a value, never rejects.
import type { SnapshotCapability, SnapshotKind, SnapshotMeta } from '@meshlens/contract';

// The wire shapes live in the contract; the stores return them as they are.
export type { SnapshotKind, SnapshotMeta } from '@meshlens/contract';

/** What the user asks to save. */
export interface NewSnapshot {
  /** The name the user gave it (trimmed, 1..200 characters). */
  name: string;
  /** `upload`: a dump file opened in the browser or passed to the CLI; `live`: a proxy of the live mesh. */
  kind: SnapshotKind;
  /** The proxy id (`pod.namespace`) of a live snapshot, or the file name / description of an upload. */
  source: string;
  /** The raw config dump text exactly as loaded (JSON or YAML); stored gzipped. */
  dump: string;
  /** The web app's view state (its URL query string, without `?`), reopened with the snapshot. */
  viewState?: string | undefined;
  /** When it was taken (default: now). */
  createdAt?: Date | undefined;
}

/** A stored snapshot with its dump text. */
export interface Snapshot extends SnapshotMeta {
  dump: string;
}

/** Why a store operation failed. */
export interface SnapshotStoreError {
  /**
   * `not_found`: no snapshot with that id; `invalid`: the input breaks a rule (the message says which);
   * `unavailable`: the database cannot be reached, opened or written (the message says what to do).
   */
  code: 'not_found' | 'invalid' | 'unavailable';
  message: string;
}

/** A store result: the value, or an error a person can act on. */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: SnapshotStoreError };

/** Saved snapshots. Nothing touches disk or the network before the first call. */
export interface SnapshotStore {
  /** Which database this is (announced by `GET /api/capabilities`). */
  readonly kind: SnapshotCapability['store'];
  /** Human description for logs and `--help` output, e.g. `SQLite ~/.meshlens/meshlens.sqlite`. */
  readonly description: string;
  /** Stores a new snapshot and returns its metadata (with its new id). */
  save(snapshot: NewSnapshot): Promise<StoreResult<SnapshotMeta>>;
  /** Every snapshot's metadata, newest first. */
  list(): Promise<StoreResult<SnapshotMeta[]>>;
  /** One snapshot with its dump. */
  get(id: string): Promise<StoreResult<Snapshot>>;
  /** Deletes one snapshot (`not_found` when there was none). */
  delete(id: string): Promise<StoreResult<void>>;
  /** Releases the database (file handles, connection pool). The store may not be used afterwards. */
  close(): Promise<void>;
}

/** Shorthand for a failed {@link StoreResult}. */
export function storeError<T>(code: SnapshotStoreError['code'], message: string): StoreResult<T> {
  return { ok: false, error: { code, message } };
}
