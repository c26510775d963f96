import type { ConfigDump } from '@meshlens/configdump';
import { proxyIdOf } from './snapshotOrigin';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM` in local time: what a person reads in a snapshot name. */
export function formatSnapshotTime(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * The name offered when saving: the proxy id (`pod.namespace`), else the tab label, then the time,
 * e.g. `productpage-v1-6b746f74dc-9stp2.default 2026-11-21 11:45`.
 */
export function defaultSnapshotName(dump: ConfigDump, tabLabel: string, at: Date): string {
  return `${proxyIdOf(dump) ?? tabLabel} ${formatSnapshotTime(at)}`;
}
