import type { ConfigDump } from '@meshlens/configdump';
import { useMemo } from 'react';
import { runTrace, type TraceRun } from './runTrace';

const noPath: readonly string[] = [];

/** The trace the URL asks for (`g.t`), re-run only when the dump or the request changes. */
export function useTraceRun(
  dump: ConfigDump,
  encoded: string | undefined,
): { run: TraceRun | undefined; path: readonly string[] } {
  return useMemo(() => {
    const run = encoded !== undefined ? runTrace(dump, encoded) : undefined;
    return { run, path: run?.ok ? run.path : noPath };
  }, [dump, encoded]);
}
