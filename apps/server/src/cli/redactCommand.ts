import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { JsonValue } from '@meshlens/configdump';
import { redactDump, type RedactionReport } from '@meshlens/redact';
import { dumpJson, readDumpFile } from './readDumpFile';

interface RedactFlags {
  file: string;
  hostnames?: boolean;
  namespaces?: boolean;
  out?: string;
  mapping?: string;
}

type Read = { ok: true; raw: JsonValue } | { ok: false; message: string };

/** Reads a dump (JSON or YAML, optionally gzipped) and checks that Meshlens can read it. */
function readRaw(file: string): Read {
  const read = readDumpFile(file);
  return read.ok ? { ok: true, raw: dumpJson(read.bytes) } : read;
}

/** One line per kind: what was replaced. */
export function formatRedactionSummary(report: RedactionReport): string {
  const c = report.counts;
  const lines = [
    `redacted: ${c.ip} IP address occurrences (${Object.keys(report.mapping.ip).length} distinct), ` +
      `${c.certificate} certificates, ${c.private_key} keys, ${c.token} tokens, ` +
      `${c.hostname} hostname labels (${Object.keys(report.mapping.hostname).length} distinct), ` +
      `${c.namespace} namespace occurrences (${Object.keys(report.mapping.namespace).length} distinct)`,
  ];
  for (const n of report.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

/** Redacts one dump; exit code 0, or 2 for unusable input. The summary goes to stderr, the dump to --out or stdout. */
export function runRedact(
  flags: RedactFlags,
  out: (s: string) => void = (s) => process.stdout.write(`${s}\n`),
  err: (s: string) => void = console.error,
): number {
  const read = readRaw(flags.file);
  if (!read.ok) {
    err(`meshlens redact: ${read.message}`);
    return 2;
  }
  const { json, report } = redactDump(read.raw, {
    hostnames: flags.hostnames === true,
    namespaces: flags.namespaces === true,
  });
  const text = JSON.stringify(json, null, 2);
  try {
    if (flags.out) writeFileSync(flags.out, `${text}\n`);
    else out(text);
    if (flags.mapping) writeFileSync(flags.mapping, `${JSON.stringify(report, null, 2)}\n`);
  } catch (e) {
    err(`meshlens redact: cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return 2;
  }
  err(formatRedactionSummary(report));
  return 0;
}

/** `meshlens redact`: a shareable copy of a config dump. */
export function registerRedactCommand(program: Command): void {
  program
    .command('redact')
    .description(
      'Write a copy of a config dump with certificates, keys, tokens and IP addresses (and, on request, hostnames and namespaces) replaced by stable placeholders; the copy still parses and draws the same graph.',
    )
    .requiredOption('-f, --file <dump>', 'Envoy config dump (JSON/YAML, optionally gzipped)')
    .option(
      '--hostnames',
      'also replace service and external hostnames (dots and .svc.cluster.local kept)',
    )
    .option('--namespaces', 'also replace Kubernetes namespaces')
    .option('-o, --out <file>', 'write the redacted dump here (default: stdout)')
    .option('--mapping <file>', 'write the original -> placeholder mapping here (keep it private)')
    .action((flags: RedactFlags) => {
      process.exitCode = runRedact(flags);
    });
}
