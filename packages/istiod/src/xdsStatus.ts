import type { SyncState } from './model';

/**
 * istioctl's rule for one xDS type from the nonces in `/debug/syncz`: nothing sent -> NOT SENT;
 * the proxy acknowledged the last nonce sent -> SYNCED; it never acknowledged anything -> STALE
 * (Never Acknowledged); it acknowledged an older nonce -> STALE. (Nonces are UUIDs nowadays, so no
 * "how stale" can be derived from them.)
 */
export function xdsStatus(sent: string | undefined, acked: string | undefined): SyncState {
  if (!sent) return 'NOT SENT';
  if (sent === acked) return 'SYNCED';
  if (!acked) return 'STALE (Never Acknowledged)';
  return 'STALE';
}
