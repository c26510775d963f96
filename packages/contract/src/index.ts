// The wire contract between the Meshlens server and the web app. Types, plus the snapshot
// permalink helpers (plain string functions without imports), so both sides build the same links.
export type * from './api';
export type * from './mesh';
export type * from './snapshots';
export { SNAPSHOT_QUERY_PARAM, snapshotIdFromQuery, snapshotPermalink } from './snapshots';
