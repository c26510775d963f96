// `meshlens proxy-status`: istioctl's sync-status table from istiod's `/debug/syncz`, read live
// (--istiod, repeatable for several istiod instances), from saved files (--file) or from the demo
// simulator (--demo).
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { JsonValue } from '@meshlens/configdump';
import { proxyStatusRows, type ProxySyncStatus } from '@meshlens/istiod';
import { renderTable } from '../proxyConfig/tabwriter';
import { toIstioctlYaml } from '../proxyConfig/yamlOutput';
import { DemoMeshSource } from '../sources/DemoMeshSource';
import { IstiodClient } from '../sources/IstiodClient';
import { splitNamedTarget } from '../sources/createMeshSource';
import { formatSourceError, type SourceResult } from '../sources/SourceError';
import { DEFAULT_TIMEOUT_MS, parseDuration } from '../sources/parseDuration';
import { mapBounded } from '../sources/semaphore';
import type { CliIo } from './proxyConfigCommand';

type Format = 'short' | 'json' | 'yaml';

interface Flags {
  istiod: string[];
  file: string[];
  demo?: boolean;
  output: Format;
  timeout: number;
  legacyColumns?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function timeoutOption(value: string): number {
  const parsed = parseDuration(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.ms;
}

/** The statuses of every configured source; failures become stderr lines, the rest still print. */
async function collectStatuses(
  flags: Flags,
): Promise<{ statuses: ProxySyncStatus[]; errors: string[] }> {
  const limits = { timeoutMs: flags.timeout };
  const jobs: (() => Promise<SourceResult<ProxySyncStatus[]>>)[] = [];
  for (const spec of flags.istiod) {
    const { name, target } = splitNamedTarget(spec);
    const client = new IstiodClient(target, limits, name);
    jobs.push(() => client.syncz());
  }
  for (const spec of flags.file) {
    const { name, target } = splitNamedTarget(spec);
    jobs.push(async () => {
      let text: string;
      try {
        text = readFileSync(target, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        return {
          ok: false,
          error: {
            kind: 'io',
            url: target,
            message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`,
            advice: 'Check the path.',
          },
        };
      }
      // A saved syncz has no istiod name in it: the `name=` prefix supplies one.
      return new IstiodClient('file:', limits, name ?? '').parseSynczText(text, target);
    });
  }
  let demo: DemoMeshSource | undefined;
  if (flags.demo) {
    demo = await DemoMeshSource.start(limits);
    for (const client of demo.clients) jobs.push(() => client.syncz());
  }
  try {
    const results = await mapBounded(jobs, 8, (job) => job());
    const statuses: ProxySyncStatus[] = [];
    const errors: string[] = [];
    for (const r of results) {
      if (r.ok) statuses.push(...r.value);
      else errors.push(formatSourceError(r.error));
    }
    return { statuses, errors };
  } finally {
    await demo?.close();
  }
}

/** Renders the statuses as istioctl would (`short`), or as our model in JSON / YAML. */
export function renderProxyStatus(
  statuses: readonly ProxySyncStatus[],
  options: { output: Format; legacyColumns?: boolean; proxy?: string },
): string {
  const layout = options.legacyColumns ? 'legacy' : 'current';
  if (options.output === 'short') {
    const table = proxyStatusRows(statuses, {
      layout,
      ...(options.proxy !== undefined ? { proxy: options.proxy } : {}),
    });
    // istioctl: tabwriter.NewWriter(out, 0, 8, 5, ' ', 0).
    return renderTable(table.header, table.rows, { minwidth: 0, padding: 5 });
  }
  const ids = new Set(
    proxyStatusRows(statuses, {
      layout,
      ...(options.proxy !== undefined ? { proxy: options.proxy } : {}),
    }).rows.map((r) => r[0]),
  );
  const selected = statuses.filter((s) => ids.has(s.proxyId));
  const value = JSON.parse(JSON.stringify(selected)) as JsonValue;
  return options.output === 'json' ? `${JSON.stringify(value, null, 2)}\n` : toIstioctlYaml(value);
}

async function execute(proxy: string | undefined, flags: Flags, io: CliIo): Promise<number> {
  const sources = flags.istiod.length + flags.file.length + (flags.demo ? 1 : 0);
  if (sources === 0) {
    io.stderr(
      'meshlens proxy-status: say where the sync status comes from: --istiod URL, --file SYNCZ.json or --demo\n',
    );
    return 2;
  }
  const { statuses, errors } = await collectStatuses(flags);
  for (const e of errors) io.stderr(`meshlens proxy-status: ${e}\n`);
  if (errors.length === sources) return 1;
  io.stdout(
    renderProxyStatus(statuses, {
      output: flags.output,
      legacyColumns: flags.legacyColumns === true,
      ...(proxy !== undefined ? { proxy } : {}),
    }),
  );
  if (proxy !== undefined && !statuses.some((s) => s.proxyId.includes(proxy))) {
    io.stderr(`meshlens proxy-status: no connected proxy matches "${proxy}"\n`);
  }
  return errors.length > 0 ? 1 : 0;
}

function addProxyStatus(program: Command, io: CliIo, onExit: (code: number) => void): void {
  program
    .command('proxy-status')
    .alias('ps')
    .description(
      "Print istioctl's proxy sync-status table (CDS/LDS/EDS/RDS/ECDS) from istiod's /debug/syncz.",
    )
    .argument('[proxy]', 'only proxies whose <pod>.<namespace> contains this text')
    .option(
      '--istiod <[name=]url>',
      'istiod debug port, e.g. http://127.0.0.1:15014 (repeatable)',
      collect,
      [],
    )
    .option('-f, --file <[name=]path>', 'a saved /debug/syncz JSON file (repeatable)', collect, [])
    .option('--demo', 'read the built-in demo mesh simulator')
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['short', 'json', 'yaml'])
        .default('short'),
    )
    .option(
      '--timeout <duration>',
      'per-request timeout, e.g. 2s, 500ms, 1m',
      timeoutOption,
      DEFAULT_TIMEOUT_MS,
    )
    .option('--legacy-columns', 'istioctl 1.1-1.4 layout: NAME CDS LDS EDS RDS PILOT VERSION')
    .action(async (proxy: string | undefined, flags: Flags) => {
      onExit(await execute(proxy, flags, io));
    });
}

/** Registers `meshlens proxy-status` on the main program. */
export function registerProxyStatusCommand(program: Command): void {
  addProxyStatus(
    program,
    { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
    (code) => {
      process.exitCode = code;
    },
  );
}

/** Runs `meshlens proxy-status <argv...>` in-process (same code path as the CLI); returns the exit code. */
export async function runProxyStatus(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('meshlens')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  addProxyStatus(program, io, (code) => {
    exitCode = code;
  });
  for (const sub of program.commands)
    sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    await program.parseAsync(['proxy-status', ...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return exitCode;
}
