import type { MeshProxyInfo, SyncState } from '@meshlens/contract';

/** One word for a proxy's state, like the status counts of `/api/mesh/status`. */
export type ProxyHealth = 'synced' | 'stale' | 'error' | 'unreachable' | 'unknown';

export const proxyHealths: readonly ProxyHealth[] = [
  'synced',
  'stale',
  'error',
  'unreachable',
  'unknown',
];

/**
 * The worst state of a proxy: a fetch error first, then any ERROR (NACK), then any STALE type;
 * SYNCED, NOT SENT and IGNORED all count as synced (istiod has nothing pending for them).
 */
export function proxyHealth(p: MeshProxyInfo): ProxyHealth {
  if (p.error) return 'unreachable';
  if (!p.sync) return 'unknown';
  const states: SyncState[] = Object.values(p.sync);
  if (states.includes('ERROR')) return 'error';
  if (states.some((s) => s.startsWith('STALE'))) return 'stale';
  return 'synced';
}

/** CSS modifier of a sync state cell. */
export function syncStateTone(state: SyncState | undefined): 'ok' | 'warn' | 'danger' | 'muted' {
  if (state === 'SYNCED') return 'ok';
  if (state === 'ERROR') return 'danger';
  if (state?.startsWith('STALE')) return 'warn';
  return 'muted';
}
