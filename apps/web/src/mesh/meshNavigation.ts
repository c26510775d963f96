import type { AppUrlState } from '../urlState/appUrlState';
import { defaultMeshUrlState, type MeshUrlState } from './meshUrlState';

/** Shows the mesh page, keeping its last filter and selection. */
export function openMeshPage(s: AppUrlState): AppUrlState {
  return { ...s, mesh: { ...(s.mesh ?? defaultMeshUrlState), open: true } };
}

/** Leaves the mesh page for the dump views (the same object when it was not open). */
export function closeMeshPage(s: AppUrlState): AppUrlState {
  return s.mesh?.open ? { ...s, mesh: { ...s.mesh, open: false } } : s;
}

/** Applies an update to the mesh part of the state. */
export function updateMeshState(
  s: AppUrlState,
  update: (prev: MeshUrlState) => MeshUrlState,
): AppUrlState {
  return { ...s, mesh: update(s.mesh ?? defaultMeshUrlState) };
}
