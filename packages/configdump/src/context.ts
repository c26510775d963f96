import type { ParseWarning } from './model';

/** Shared state of one parse: the warnings collected so far. */
export interface ParseContext {
  warnings: ParseWarning[];
}

/** A fresh context. */
export function newContext(): ParseContext {
  return { warnings: [] };
}

/** Records a non-fatal problem. */
export function warn(
  ctx: ParseContext,
  code: ParseWarning['code'],
  message: string,
  path?: string,
): void {
  ctx.warnings.push(path === undefined ? { code, message } : { code, message, path });
}

/**
 * Runs `read` on one resource; a resource so malformed that reading it throws becomes a
 * `malformed_resource` warning and is skipped, so the rest of the dump still parses.
 */
export function guarded<T>(ctx: ParseContext, path: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    skipped(ctx, path, e);
    return undefined;
  }
}

/** The warning for a resource whose reader threw. */
export function skipped(ctx: ParseContext, path: string, e: unknown): void {
  const why = e instanceof Error ? e.message : String(e);
  warn(ctx, 'malformed_resource', `skipped a resource that could not be read: ${why}`, path);
}
