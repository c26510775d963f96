import type { JsonValue } from '@meshlens/configdump';
import { isObject, toNumber } from './rawFields';

/**
 * A protobuf `Duration` in seconds: proto3 JSON `"1.5s"`, or the YAML/object form
 * `{ seconds, nanos }`. Undefined when absent or malformed.
 */
export function parseDuration(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'string') {
    const m = /^(-?\d+(?:\.\d+)?)s$/.exec(v.trim());
    return m ? Number(m[1]) : undefined;
  }
  if (isObject(v)) {
    const s = toNumber(v.seconds) ?? 0;
    const n = toNumber(v.nanos) ?? 0;
    return s + n / 1e9;
  }
  return undefined;
}

/** `30` -> `30s`, `0.25` -> `0.250s` (proto3 JSON style). */
export function formatDuration(seconds: number): string {
  return Number.isInteger(seconds) ? `${seconds}s` : `${seconds.toFixed(3).replace(/0+$/, '')}s`;
}
