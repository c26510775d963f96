import type {
  SaveSnapshotRequest,
  SnapshotListResponse,
  SnapshotResponse,
} from '@meshlens/contract';
import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import { deleteSnapshot, listSnapshots, saveSnapshot, snapshotListKey } from './snapshotClient';

/** The saved snapshots, read while the page is open (and again after every save or delete). */
export function useSnapshotList(enabled: boolean): UseQueryResult<SnapshotListResponse> {
  return useQuery({ queryKey: snapshotListKey, queryFn: listSnapshots, enabled, retry: false });
}

/** Saves a snapshot; the list is re-read afterwards. */
export function useSaveSnapshot(): UseMutationResult<SnapshotResponse, Error, SaveSnapshotRequest> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveSnapshot,
    onSuccess: () => client.invalidateQueries({ queryKey: snapshotListKey }),
  });
}

/** Deletes a snapshot by id; the list is re-read afterwards. */
export function useDeleteSnapshot(): UseMutationResult<void, Error, string> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteSnapshot,
    onSettled: () => client.invalidateQueries({ queryKey: snapshotListKey }),
  });
}
