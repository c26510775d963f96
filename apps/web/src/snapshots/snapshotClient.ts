import type {
  SaveSnapshotRequest,
  SnapshotListResponse,
  SnapshotResponse,
} from '@meshlens/contract';
import { getBlob, getJson, request } from '../demo/apiClient';

/** react-query key of the snapshot list (mutations invalidate it). */
export const snapshotListKey = ['snapshots', 'list'] as const;

const path = (id: string): string => `/api/snapshots/${encodeURIComponent(id)}`;

/** `GET /api/snapshots`: newest first, without dumps. */
export function listSnapshots(): Promise<SnapshotListResponse> {
  return getJson<SnapshotListResponse>('/api/snapshots');
}

/** `GET /api/snapshots/:id`: one snapshot's metadata (name, view state). */
export function getSnapshot(id: string): Promise<SnapshotResponse> {
  return getJson<SnapshotResponse>(path(id));
}

/** `GET /api/snapshots/:id/dump`: the dump text as saved, as a Blob for the parse worker. */
export function getSnapshotDump(id: string): Promise<Blob> {
  return getBlob(`${path(id)}/dump`);
}

/** `POST /api/snapshots`. */
export async function saveSnapshot(body: SaveSnapshotRequest): Promise<SnapshotResponse> {
  const res = await request('/api/snapshots', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as SnapshotResponse;
}

/** `DELETE /api/snapshots/:id`. */
export async function deleteSnapshot(id: string): Promise<void> {
  await request(path(id), { method: 'DELETE' });
}

/** The absolute URL of a permalink path, for copying. */
export function absoluteLink(permalink: string): string {
  return new URL(permalink, window.location.origin).href;
}
