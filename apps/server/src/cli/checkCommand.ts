import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { diagnose, formatDiagnostics, formatRef } from '@meshlens/diagnostics';
import { readDumpFile } from './readDumpFile';

interface CheckFlags {
  file: string;
  json?: boolean;
  now?: Date;
  days: number;
}

/** Runs the checks; exit code 1 when any error-severity finding exists, 2 for unusable input. */
export function runCheck(flags: CheckFlags, out: (s: string) => void = console.log): number {
  const parsed = readDumpFile(flags.file);
  if (!parsed.ok) {
    console.error(`meshlens check: ${parsed.message}`);
    return 2;
  }
  const list = diagnose(parsed.dump, {
    ...(flags.now ? { now: flags.now } : {}),
    expiryWarningDays: flags.days,
  });
  out(
    flags.json
      ? JSON.stringify(
          list.map((d) => ({ ...d, object: formatRef(d.ref) })),
          null,
          2,
        )
      : formatDiagnostics(list),
  );
  return list.some((d) => d.severity === 'error') ? 1 : 0;
}

function parseDate(v: string): Date {
  const d = new Date(v);
  if (Number.isNaN(d.getTime()))
    throw new InvalidArgumentError('expected an ISO 8601 date, e.g. 2026-01-01T00:00:00Z.');
  return d;
}

function parseDays(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a number of days.');
  return n;
}

/** `meshlens check`: problems in one proxy's config dump (dangling names, shadowed routes, dead clusters, certificates...). */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'Find problems in a config dump: dangling references, shadowed routes, duplicate domains, clusters without healthy endpoints, warming/rejected resources, expiring certificates, blackholed traffic (exit 1 on errors).',
    )
    .requiredOption('-f, --file <dump>', 'Envoy config dump (JSON/YAML, optionally gzipped)')
    .option('--json', 'print the findings as JSON')
    .option('--now <date>', 'reference time for certificate checks (default: now)', parseDate)
    .option('--days <n>', 'warn about certificates expiring within this many days', parseDays, 30)
    .action((flags: CheckFlags) => {
      process.exitCode = runCheck(flags);
    });
}
