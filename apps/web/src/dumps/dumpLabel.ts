import type { ConfigDump } from '@meshlens/configdump';

/** The tab label of a dump: the proxy's pod name, else the file name. */
export function baseDumpLabel(dump: ConfigDump, fallbackName: string): string {
  return dump.node?.podName || dump.source.fileName || fallbackName || 'dump';
}

/** `label`, or `label (2)`, `label (3)`... so that every open tab has its own name. */
export function uniqueLabel(label: string, taken: readonly string[]): string {
  if (!taken.includes(label)) return label;
  for (let n = 2; ; n++) {
    const candidate = `${label} (${n})`;
    if (!taken.includes(candidate)) return candidate;
  }
}
