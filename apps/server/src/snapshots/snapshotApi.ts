// Wire types of `/api/snapshots` (the web app imports them type-only) and the permalink format.
import type { SnapshotKind, SnapshotMeta } from './SnapshotStore';

export type { SnapshotKind, SnapshotMeta } from './SnapshotStore';

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

/** The web app's URL query parameter that opens a saved snapshot. */
export const SNAPSHOT_QUERY_PARAM = 'snapshot';

/** The path that opens snapshot `id` in the web app (the app then applies its saved view state). */
export function snapshotPermalink(id: string): string {
  return `/?${SNAPSHOT_QUERY_PARAM}=${encodeURIComponent(id)}`;
}
