// The overview's warnings of a dump, computed once per dump.
import type { ConfigDump } from '@meshlens/configdump';
import { diagnose } from '@meshlens/diagnostics';
import { collectWarnings, type DumpWarning } from './collectWarnings';
import { mergeDiagnostics } from './mergeDiagnostics';

const byDump = new WeakMap<ConfigDump, DumpWarning[]>();

/**
 * The model's own findings merged with `diagnose()`. Kept per dump (not in the component's
 * `useMemo`): the overview unmounts whenever the user opens the graph or a table, and diagnosing a
 * 200 MB dump again on every return would freeze that click.
 */
export function dumpWarnings(dump: ConfigDump): DumpWarning[] {
  let warnings = byDump.get(dump);
  if (warnings === undefined) {
    warnings = mergeDiagnostics(collectWarnings(dump), diagnose(dump));
    byDump.set(dump, warnings);
  }
  return warnings;
}
