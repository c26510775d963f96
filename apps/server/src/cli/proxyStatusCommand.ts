// `meshlens proxy-status`: istioctl's sync-status table from istiod's `/debug/syncz`, read live
// (--istiod, repeatable for several istiod instances), from saved files (--file) or from the demo
// simulator (--demo).
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { JsonValue } from '@meshlens/configdump';
import { proxyStatusRows, type ProxySyncStatus } from '@meshlens/istiod';
import { renderTable } from '../proxyConfig/tabwriter';
import { toIstioctlYaml } from '../proxyConfig/yamlOutput';
import { DemoMeshSource } from '../sources/DemoMeshSource';
import { IstiodClient } from '../sources/IstiodClient';
import { formatSourceError, ok, type SourceResult } from '../sources/SourceError';
import {
  createMeshSource,
  splitNamedTarget,
  type MeshSourceConfig,
} from '../sources/createMeshSource';
import {
  addMeshSourceOptions,
  meshSourceConfigFromFlags,
  type MeshSourceFlags,
} from '../sources/meshSourceOptions';
import { mapBounded } from '../sources/semaphore';
import type { CliIo } from './proxyConfigCommand';

type Format = 'short' | 'json' | 'yaml';

interface Flags extends MeshSourceFlags {
  file: string[];
  demo?: boolean;
  output: Format;
  legacyColumns?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Sync statuses from any other source (bug-report archive, Kubernetes): its proxy list. */
async function statusesFromSource(
  config: MeshSourceConfig,
): Promise<SourceResult<ProxySyncStatus[]>> {
  const source = await createMeshSource(config);
  if (!source.ok) return source;
  try {
    const list = await source.value.listProxies();
    if (!list.ok) return list;
    const statuses: ProxySyncStatus[] = [];
    for (const p of list.value.proxies) {
      if (!p.sync) continue;
      const status: ProxySyncStatus = { proxyId: p.id, states: p.sync, proxyType: p.type };
      if (p.clusterId) status.clusterId = p.clusterId;
      if (p.istioVersion) status.istioVersion = p.istioVersion;
      if (p.istiod) status.istiod = p.istiod;
      statuses.push(status);
    }
    return ok(statuses);
  } finally {
    await source.value.close();
  }
}

/** True when the configuration names a bug-report archive or a cluster. */
const wantsOtherSource = (config: MeshSourceConfig): boolean =>
  config.bugReport !== undefined ||
  config.kubeconfig !== undefined ||
  config.context !== undefined ||
  config.inCluster === true;

/** The statuses of every configured source; failures become stderr lines, the rest still print. */
async function collectStatuses(
  flags: Flags,
  config: MeshSourceConfig,
): Promise<{ statuses: ProxySyncStatus[]; errors: string[] }> {
  const limits = { timeoutMs: flags.timeout };
  const jobs: (() => Promise<SourceResult<ProxySyncStatus[]>>)[] = [];
  if (wantsOtherSource(config))
    jobs.push(() => statusesFromSource({ ...config, istiod: [], envoy: [] }));
  for (const spec of config.istiod ?? []) {
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
    const results = await mapBounded(jobs, flags.concurrency, (job) => job());
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

/** Output streams plus the environment (`MESHLENS_*`; tests pass their own, or none). */
export interface ProxyStatusIo extends CliIo {
  env?: NodeJS.ProcessEnv;
}

async function execute(
  proxy: string | undefined,
  flags: Flags,
  io: ProxyStatusIo,
): Promise<number> {
  const config = meshSourceConfigFromFlags(flags, io.env ?? {});
  const sources =
    (config.istiod?.length ?? 0) +
    flags.file.length +
    (flags.demo ? 1 : 0) +
    (wantsOtherSource(config) ? 1 : 0);
  if (sources === 0) {
    const envoyOnly = config.envoy?.length ? ' (an Envoy admin alone has no sync state)' : '';
    io.stderr(
      'meshlens proxy-status: say where the sync status comes from: --istiod URL, --file SYNCZ.json, ' +
        `--bug-report FILE, --kubeconfig/--context, or --demo${envoyOnly}\n`,
    );
    return 2;
  }
  const { statuses, errors } = await collectStatuses(flags, config);
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

function addProxyStatus(program: Command, io: ProxyStatusIo, onExit: (code: number) => void): void {
  const command = program
    .command('proxy-status')
    .alias('ps')
    .description(
      "Print istioctl's proxy sync-status table (CDS/LDS/EDS/RDS/ECDS) from istiod's /debug/syncz " +
        '(live, saved, in a bug-report archive, through Kubernetes, or from the demo simulator).',
    )
    .argument('[proxy]', 'only proxies whose <pod>.<namespace> contains this text')
    .option('-f, --file <[name=]path>', 'a saved /debug/syncz JSON file (repeatable)', collect, [])
    .option('--demo', 'read the built-in demo mesh simulator')
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['short', 'json', 'yaml'])
        .default('short'),
    )
    .option('--legacy-columns', 'istioctl 1.1-1.4 layout: NAME CDS LDS EDS RDS PILOT VERSION');
  addMeshSourceOptions(command).action(async (proxy: string | undefined, flags: Flags) => {
    onExit(await execute(proxy, flags, io));
  });
}

/** Registers `meshlens proxy-status` on the main program. */
export function registerProxyStatusCommand(program: Command): void {
  addProxyStatus(
    program,
    {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      env: process.env,
    },
    (code) => {
      process.exitCode = code;
    },
  );
}

/** Runs `meshlens proxy-status <argv...>` in-process (same code path as the CLI); returns the exit code. */
export async function runProxyStatus(argv: readonly string[], io: ProxyStatusIo): Promise<number> {
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
