// Wire types of `/api/snapshots` and the permalink format `/?snapshot=<id>`. The two helpers are
// plain string functions (no runtime dependency), shared so server, CLI and web app agree on links.

/** Where a snapshot's dump came from: a dump file opened by the user, or a proxy of the live mesh. */
export type SnapshotKind = 'upload' | 'live';

/** A stored snapshot without its dump (what lists show). */
export interface SnapshotMeta {
  /** Opaque, URL-safe, unguessable id (12 characters of base64url). */
  id: string;
  /** The name the user gave it (1..200 characters). */
  name: string;
  kind: SnapshotKind;
  /** Proxy id (`pod.namespace`) of a live snapshot, or the file name of an upload. */
  source: string;
  /** The saved view state (the web app's URL query without `?`), or null. */
  viewState: string | null;
  /** ISO-8601 time the snapshot was taken. */
  createdAt: string;
  /** Size of the dump text, UTF-8 bytes. */
  dumpBytes: number;
  /** Size of the gzipped dump as stored, bytes. */
  storedBytes: number;
}

/** Body of `POST /api/snapshots`. */
export interface SaveSnapshotRequest {
  /** Name shown in the list (1..200 characters). */
  name: string;
  /** `upload` (a dump file) or `live` (a proxy of the live mesh). */
  kind: SnapshotKind;
  /** Proxy id (`pod.namespace`) of a live proxy, or the uploaded file's name. */
  source?: string;
  /** The config dump text exactly as loaded (JSON or YAML). */
  dump: string;
  /** The view to reopen: the web app's URL query string (without `?`). */
  viewState?: string;
}

/** Answer of `POST /api/snapshots` (201) and `GET /api/snapshots/:id`. */
export interface SnapshotResponse {
  snapshot: SnapshotMeta;
  /** Path that opens the snapshot in the web app with its view state: `/?snapshot=<id>`. */
  permalink: string;
}

/** Answer of `GET /api/snapshots`: newest first, without dumps. */
export interface SnapshotListResponse {
  snapshots: SnapshotMeta[];
}

/** `snapshots` of `GET /api/capabilities`: present only when the server has a snapshot store. */
export interface SnapshotCapability {
  /** `sqlite` (a file under the data directory) or `postgres` (`--database-url`). */
  store: 'sqlite' | 'postgres';
  /** Human description, e.g. `SQLite /home/me/.meshlens/meshlens.sqlite` (never a password). */
  description: string;
}

/** The web app's URL query parameter that opens a saved snapshot. */
export const SNAPSHOT_QUERY_PARAM = 'snapshot';

/** The path that opens snapshot `id` in the web app (the app then applies its saved view state). */
export function snapshotPermalink(id: string): string {
  return `/?${SNAPSHOT_QUERY_PARAM}=${encodeURIComponent(id)}`;
}

/**
 * The snapshot id a URL query string (`?snapshot=<id>&...` or without `?`) asks to open, or
 * undefined when it names none (an empty value counts as none).
 */
export function snapshotIdFromQuery(search: string): string | undefined {
  // By hand rather than URLSearchParams: this package runs without DOM or Node typings.
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (decodeQueryPart(key) !== SNAPSHOT_QUERY_PARAM) continue;
    const id = decodeQueryPart(eq < 0 ? '' : pair.slice(eq + 1)).trim();
    return id === '' ? undefined : id;
  }
  return undefined;
}

/** A form-encoded query part decoded (`+` is a space); a broken `%` escape is kept as written. */
function decodeQueryPart(part: string): string {
  const spaced = part.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
