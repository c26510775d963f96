import type { Command } from 'commander';
import { diffDumps, formatDumpDiff, parseDiffKinds } from '@meshlens/diff';
import { readDumpFile } from './readDumpFile';

interface DiffFlags {
  json?: boolean;
  only?: string;
}

function fail(message: string, err: (s: string) => void): number {
  err(`meshlens diff: ${message}`);
  return 2;
}

/** Compares two dumps; exit code 0 when they match, 1 when they differ, 2 for unusable input (like `diff`). */
export function runDiff(
  first: string,
  second: string,
  flags: DiffFlags,
  out: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): number {
  const kinds = flags.only === undefined ? undefined : parseDiffKinds(flags.only);
  if (kinds && !kinds.ok) return fail(`--only: ${kinds.message}`, err);
  const a = readDumpFile(first);
  if (!a.ok) return fail(a.message, err);
  const b = readDumpFile(second);
  if (!b.ok) return fail(b.message, err);
  const diff = diffDumps(a.dump, b.dump, kinds ? { kinds: kinds.kinds } : {});
  out(flags.json ? JSON.stringify(diff, null, 2) : formatDumpDiff(diff, [first, second]));
  return diff.identical ? 0 : 1;
}

/** `meshlens diff A B`: semantic diff of two config dumps. */
export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description(
      'Compare two config dumps object by object (listeners, route configs, virtual hosts, routes, clusters, endpoints, secrets, extension configs), ignoring key order, list order where Envoy ignores it, snake_case/camelCase and version bookkeeping (exit 1 when they differ).',
    )
    .argument('<first>', 'first config dump (JSON/YAML, optionally gzipped)')
    .argument('<second>', 'second config dump')
    .option('--json', 'print the differences as JSON')
    .option(
      '--only <kinds>',
      'compare only these kinds, comma-separated: listeners, routes, route-configs, virtual-hosts, clusters, endpoints, secrets, extension-configs',
    )
    .action((first: string, second: string, flags: DiffFlags) => {
      process.exitCode = runDiff(first, second, flags);
    });
}
