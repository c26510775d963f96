import { ApiRequestError } from '../demo/apiClient';

/**
 * A sentence for a failed snapshot request. The server's own messages already say what to do
 * (413: the size limit and the CLI alternative; store down: the database); only a missing
 * snapshot gets more context, since the link that named it may be old.
 */
export function describeSnapshotError(err: unknown, what: string): string {
  if (err instanceof ApiRequestError) {
    if (err.status === 404) {
      return `${what}: it does not exist on this server (deleted, or the link is wrong). ${err.message}`;
    }
    return `${what}: ${err.message}`;
  }
  return `${what}: ${err instanceof Error ? err.message : String(err)}`;
}
