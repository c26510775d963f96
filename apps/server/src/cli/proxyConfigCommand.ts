// `meshlens proxy-config <type> --file F`: istioctl's `proxy-config` tables and dumps, computed from
// a saved config dump (or an Envoy admin `/clusters?format=json` capture) instead of a live pod.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  renderProxyConfig,
  type OutputFormat,
  type ProxyConfigType,
} from '../proxyConfig/renderProxyConfig';
import { dumpJson, readDumpFile } from './readDumpFile';

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

/** Runs one `proxy-config` invocation on already-parsed flags; returns the exit code. */
function execute(type: ProxyConfigType, flags: RawFlags, io: CliIo): number {
  const parsed = readDumpFile(flags.file);
  if (!parsed.ok) {
    io.stderr(`meshlens proxy-config: ${parsed.message}\n`);
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
    rawRoot: type === 'all' && flags.output !== 'short' ? dumpJson(parsed.bytes) : undefined,
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
