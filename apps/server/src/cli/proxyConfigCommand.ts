// `meshlens proxy-config <type> --file F`: istioctl's `proxy-config` tables and dumps, computed from
// a saved config dump (or an Envoy admin `/clusters?format=json` capture) instead of a live pod.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { formatDumpError, parseConfigDump } from '@meshlens/configdump';
import type { DumpError, JsonValue } from '@meshlens/configdump';
import { parse as parseYaml } from 'yaml';
import {
  renderProxyConfig,
  type OutputFormat,
  type ProxyConfigType,
} from '../proxyConfig/renderProxyConfig';

/** Where the command writes; `process.stdout`/`stderr` in the CLI, buffers in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Clock for the VALID CERT column (tests pin it). */
  now?: () => Date;
}

const TYPES: readonly ProxyConfigType[] = [
  'listener',
  'route',
  'cluster',
  'endpoint',
  'secret',
  'bootstrap',
  'ecds',
  'all',
];
const FORMATS: readonly OutputFormat[] = ['short', 'json', 'yaml'];

/** The parsed flags, as commander hands them over. */
interface RawFlags {
  file: string;
  output: OutputFormat;
  port?: number;
  address?: string;
  type?: string;
  fqdn?: string;
  subset?: string;
  direction?: string;
  name?: string;
  cluster?: string;
  status?: string;
  verbose: boolean;
  withHeaders?: boolean;
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('expected a port number (0-65535).');
  return Number(value);
}

// `--verbose=false` is how istioctl users turn the verbose tables off, so the flag takes an
// optional boolean value; a bare `--verbose` means true.
function parseBool(value: string): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new InvalidArgumentError('expected true or false.');
}

function dumpErrorLine(file: string, error: DumpError): string {
  const hint =
    error.expected && !error.message.includes(error.expected)
      ? ` (expected ${error.expected})`
      : '';
  return `meshlens proxy-config: cannot read ${file}: ${formatDumpError(error)}${hint}\n`;
}

/**
 * The whole input document, for `all -o json|yaml`, which prints it entire. The model keeps each
 * resource's raw JSON but not the root object, so the file is decoded once more here.
 */
function readRoot(bytes: Uint8Array): JsonValue | undefined {
  try {
    const gz = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const text = new TextDecoder().decode(gz ? gunzipSync(bytes) : bytes);
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return parseYaml(text) as JsonValue;
    }
  } catch {
    return undefined;
  }
}

/** Runs one `proxy-config` invocation on already-parsed flags; returns the exit code. */
function execute(type: ProxyConfigType, flags: RawFlags, io: CliIo): number {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(flags.file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : (code ?? 'unreadable');
    io.stderr(`meshlens proxy-config: cannot read ${flags.file}: ${why}\n`);
    return 1;
  }
  const parsed = parseConfigDump(bytes, { fileName: flags.file });
  if (!parsed.ok) {
    io.stderr(dumpErrorLine(flags.file, parsed.error));
    return 1;
  }
  const out = renderProxyConfig(parsed.dump, type, {
    output: flags.output,
    verbose: flags.verbose,
    withHeaders: flags.withHeaders === true,
    now: io.now ? io.now() : new Date(),
    filters: {
      listener: { address: flags.address, port: flags.port, type: flags.type },
      cluster: {
        fqdn: flags.fqdn,
        port: flags.port,
        subset: flags.subset,
        direction: flags.direction,
      },
      route: { name: flags.name },
      endpoint: {
        address: flags.address,
        port: flags.port,
        cluster: flags.cluster,
        status: flags.status,
      },
    },
    rawRoot: type === 'all' && flags.output !== 'short' ? readRoot(bytes) : undefined,
  });
  io.stdout(out.stdout);
  for (const note of out.notes) io.stderr(`${note}\n`);
  return 0;
}

/** Adds `proxy-config` (alias `pc`) to `program`; results go to `io`, the exit code to `onExit`. */
function addProxyConfig(program: Command, io: CliIo, onExit: (code: number) => void): void {
  program
    .command('proxy-config')
    .alias('pc')
    .description(
      'Print istioctl-style proxy-config tables (or JSON/YAML) from a saved Envoy config dump.',
    )
    .addArgument(program.createArgument('<type>', 'what to print').choices(TYPES as string[]))
    .requiredOption(
      '-f, --file <path>',
      'config dump file (JSON/YAML, optionally gzip), or Envoy /clusters?format=json',
    )
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(FORMATS as string[])
        .default('short'),
    )
    .option('--port <port>', 'filter listeners, clusters, endpoints by port', parsePort)
    .option('--address <address>', 'filter listeners / endpoints by address')
    .option('--type <type>', 'filter listeners by type (HTTP, TCP, HTTP+TCP)')
    .option('--fqdn <fqdn>', 'filter clusters by service FQDN')
    .option('--subset <subset>', 'filter clusters by subset')
    .option('--direction <direction>', 'filter clusters by direction (inbound, outbound)')
    .option('--name <name>', 'filter routes by route config name')
    .option('--cluster <cluster>', 'filter endpoints by cluster name')
    .option('--status <status>', 'filter endpoints by health status (healthy, unhealthy...)')
    .option(
      '--verbose [bool]',
      'detailed route/listener tables (--verbose=false: compact)',
      parseBool,
      true,
    )
    .option('--with-headers', 'for "all": print a banner before each section')
    .action((type: ProxyConfigType, flags: RawFlags) => {
      onExit(execute(type, flags, io));
    });
}

/** Registers `meshlens proxy-config` on the main program (stdout/stderr, exit code via process.exitCode). */
export function registerProxyConfigCommand(program: Command): void {
  addProxyConfig(
    program,
    { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
    (code) => {
      process.exitCode = code;
    },
  );
}

/**
 * Runs `meshlens proxy-config <argv...>` in-process (the same code path as the CLI) and returns the
 * exit code; usage errors print commander's message to `io.stderr` and return its exit code.
 */
export async function runProxyConfig(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('meshlens')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  addProxyConfig(program, io, (code) => {
    exitCode = code;
  });
  for (const sub of program.commands)
    sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    await program.parseAsync(['proxy-config', ...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return exitCode;
}
