import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { dumpTraceJson, formatDumpTrace, parseRequestLine, traceDump } from '@meshlens/tracer';
import { readDumpFile } from './readDumpFile';

interface TraceFlags {
  file: string;
  header: string[];
  port?: number;
  ip?: string;
  sni?: string;
  alpn?: string;
  direction?: 'outbound' | 'inbound' | 'direct';
  random?: number;
  json?: boolean;
}

function parseInteger(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new InvalidArgumentError(`expected an integer between 0 and ${max}.`);
    return n;
  };
}

function collectHeader(value: string, previous: string[]): string[] {
  if (!value.includes(':'))
    throw new InvalidArgumentError(`expected "name: value", got "${value}".`);
  return [...previous, value];
}

/** Runs one trace; returns the exit code (0 traced, 2 unusable input). */
export function runTrace(
  target: string,
  flags: TraceFlags,
  out: (s: string) => void = console.log,
): number {
  const built = parseRequestLine(target, {
    headers: flags.header,
    port: flags.port,
    ip: flags.ip,
    sni: flags.sni,
    alpn: flags.alpn?.split(',').map((s) => s.trim()),
    direction: flags.direction,
    random: flags.random,
  });
  if (!built.ok) return fail(built.error.message);
  const parsed = readDumpFile(flags.file);
  if (!parsed.ok) return fail(parsed.message);
  const t = traceDump(parsed.dump, built.input);
  out(flags.json ? JSON.stringify(dumpTraceJson(t), null, 2) : formatDumpTrace(t));
  return 0;
}

function fail(message: string): number {
  console.error(`meshlens trace: ${message}`);
  return 2;
}

/** `meshlens trace`: follow a request through one proxy's config dump and explain every step. */
export function registerTraceCommand(program: Command): void {
  program
    .command('trace')
    .description(
      'Explain where a request goes in a proxy: listener, filter chain, route, cluster, endpoints.',
    )
    .argument(
      '<target>',
      'request, e.g. "GET http://reviews:9080/reviews/1", or "tcp://10.96.0.10:53"',
    )
    .requiredOption(
      '-f, --file <dump>',
      'Envoy config dump (JSON/YAML, optionally gzipped), ideally with ?include_eds',
    )
    .option('-H, --header <header>', 'request header "name: value" (repeatable)', collectHeader, [])
    .option('--port <port>', 'destination port (default: from the URL)', parseInteger(65535))
    .option(
      '--ip <ip>',
      'destination IP (default: the URL host if it is an IP, else the service VIP found in the dump)',
    )
    .option('--sni <name>', 'the client starts TLS with this SNI')
    .option('--alpn <list>', 'ALPN protocols the client offers, comma-separated')
    .option('--direction <dir>', 'outbound (default for sidecars), inbound, or direct (gateways)')
    .option(
      '--random <n>',
      'random value for runtime fractions and weighted clusters',
      parseInteger(Number.MAX_SAFE_INTEGER),
    )
    .option('--json', 'print the trace as JSON')
    .action((target: string, flags: TraceFlags) => {
      process.exitCode = runTrace(target, flags);
    });
}
