// `meshlens demo export` writes the generated demo mesh's config dumps to files;
// `meshlens demo summary` (the default `meshlens demo`) prints one line per proxy.
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConfigDump } from '@meshlens/configdump';
import {
  DEFAULT_DEMO_NOW,
  generateDemoMesh,
  writePrettyJson,
  type DemoMesh,
  type DemoMeshOptions,
} from '@meshlens/demo-mesh';
import { InvalidArgumentError, type Command } from 'commander';

interface MeshFlags {
  services?: number;
  seed?: number;
  versions?: number;
  endpoints?: number;
  now?: Date;
  deterministic?: boolean;
  /** Comma-separated pod names or pod-name prefixes (`reviews-v2`, `productpage`). */
  proxy?: string;
}

/**
 * The proxies the `--proxy` filter selects (all without it). A large mesh has thousands of
 * proxies; this is how one big dump is exported without generating the others.
 */
function selectProxies(mesh: DemoMesh, filter: string | undefined): DemoMesh['proxies'] {
  if (filter === undefined) return mesh.proxies;
  const wanted = filter
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  return mesh.proxies.filter((p) =>
    wanted.some((w) => p.podName === w || p.podName.startsWith(`${w}-`)),
  );
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a whole number >= 1.');
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number.');
  return n;
}

function isoDate(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new InvalidArgumentError('expected an ISO 8601 time, e.g. 2026-01-01T00:00:00Z.');
  }
  return d;
}

/** The generator options from the flags. Certificates are valid "now" unless a fixed time is asked for. */
function meshOptions(flags: MeshFlags): DemoMeshOptions {
  const now = flags.now ?? (flags.deterministic ? DEFAULT_DEMO_NOW : new Date());
  return {
    now,
    ...(flags.services !== undefined ? { services: flags.services } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(flags.versions !== undefined ? { versions: flags.versions } : {}),
    ...(flags.endpoints !== undefined ? { endpointsPerVersion: flags.endpoints } : {}),
  };
}

function withMeshOptions(command: Command): Command {
  return command
    .option(
      '--services <N>',
      'number of services (Bookinfo has 4; more adds svc-NNN)',
      positiveInteger,
    )
    .option('--seed <S>', 'seed of every random choice (default 1)', integer)
    .option(
      '--versions <V>',
      'versions per generated service (default 1-3, from the seed)',
      positiveInteger,
    )
    .option(
      '--endpoints <E>',
      'pods (endpoints) per service version (default: 1 for Bookinfo, 1-3 per generated service)',
      positiveInteger,
    )
    .option('--now <ISO>', 'generation time; certificates are valid from 1h before it', isoDate)
    .option(
      '--proxy <NAMES>',
      'only these proxies: comma-separated pod names or prefixes (reviews-v2)',
    )
    .option(
      '--deterministic',
      `use the fixed time ${DEFAULT_DEMO_NOW.toISOString()} (byte-identical output)`,
    );
}

/** "4 services in bookinfo (+2 in istio-system)", "1000 services in bookinfo and 27 team namespaces (+2 ...)". */
function servicesText(mesh: DemoMesh): string {
  const app = mesh.services.filter((s) => s.namespace !== 'istio-system');
  const teams = new Set(app.map((s) => s.namespace));
  teams.delete(mesh.namespace);
  const other = mesh.services.length - app.length;
  const where =
    teams.size === 0
      ? mesh.namespace
      : `${mesh.namespace} and ${teams.size} team namespace${teams.size === 1 ? '' : 's'}`;
  return `${app.length} services in ${where}${other > 0 ? ` (+${other} in istio-system)` : ''}`;
}

const formatBytes = (n: number): string =>
  n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;

/**
 * `mkdir -p`, one level at a time: Node's own `recursive: true` spins forever on some virtual
 * file systems (e.g. under /proc), where mkdir fails with ENOENT although the parent exists.
 */
function makeDirectory(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new Error(`${dir} exists and is not a directory`);
    return;
  }
  const parent = dirname(dir);
  if (parent !== dir) makeDirectory(parent);
  mkdirSync(dir);
}

function exportMesh(flags: MeshFlags & { out: string }): void {
  const dir = resolve(flags.out);
  try {
    makeDirectory(dir);
  } catch (err) {
    console.error(`meshlens: cannot create ${dir}: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const mesh = generateDemoMesh(meshOptions(flags));
  const proxies = selectProxies(mesh, flags.proxy);
  if (proxies.length === 0) {
    console.error(
      `meshlens: no demo proxy matches --proxy ${flags.proxy ?? ''}; try "meshlens demo summary".`,
    );
    process.exitCode = 1;
    return;
  }
  let total = 0;
  for (const proxy of proxies) {
    const path = join(dir, proxy.fileName);
    let bytes = 0;
    let fd: number | undefined;
    try {
      fd = openSync(path, 'w');
      const handle = fd;
      // Streamed: a large dump does not fit in one string.
      writePrettyJson(proxy.dump, (chunk) => {
        bytes += writeSync(handle, chunk);
      });
      bytes += writeSync(handle, '\n');
    } catch (err) {
      console.error(`meshlens: cannot write ${path}: ${(err as Error).message}`);
      process.exitCode = 1;
      return;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    total += bytes;
    console.log(`wrote ${path} (${proxy.proxyType}, ${formatBytes(bytes)})`);
  }
  console.log(
    `${proxies.length} config dumps, ${formatBytes(total)}, ${servicesText(mesh)}, seed ${mesh.seed}, generated at ${mesh.now}`,
  );
}

/** Left-aligned columns separated by three spaces. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('   ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** One row per proxy, counted from the parsed model (what every Meshlens view sees). */
export function demoSummary(mesh: DemoMesh, proxies: DemoMesh['proxies'] = mesh.proxies): string {
  const rows = proxies.map((proxy) => {
    const parsed = parseConfigDump(JSON.stringify(proxy.dump), { fileName: proxy.fileName });
    if (!parsed.ok)
      return [proxy.podName, proxy.namespace, proxy.proxyType, proxy.ip, parsed.error.message];
    const d = parsed.dump;
    const endpoints = d.endpoints.reduce((n, e) => n + e.endpoints.length, 0);
    return [
      proxy.podName,
      proxy.namespace,
      proxy.proxyType,
      proxy.ip,
      String(d.listeners.length),
      String(d.routeConfigs.length),
      String(d.clusters.length),
      String(endpoints),
    ];
  });
  return [
    table(['POD', 'NAMESPACE', 'TYPE', 'IP', 'LISTENERS', 'ROUTES', 'CLUSTERS', 'ENDPOINTS'], rows),
    '',
    `Demo mesh: ${servicesText(mesh)}, ${mesh.proxies.length} proxies, seed ${mesh.seed}, generated at ${mesh.now}.`,
    'Write the dumps with: meshlens demo export --out <DIR>',
  ].join('\n');
}

/** `meshlens demo export|summary`. */
export function registerDemoCommand(program: Command): void {
  const demo = program
    .command('demo')
    .description(
      'The built-in demo mesh: Istio Bookinfo (optionally grown) as Envoy config dumps.',
    );
  withMeshOptions(
    demo
      .command('export')
      .description('Write one pretty-printed /config_dump JSON file per proxy of the demo mesh.')
      .requiredOption('--out <DIR>', 'directory to write to (created if missing)'),
  ).action((flags: MeshFlags & { out: string }) => exportMesh(flags));
  withMeshOptions(
    demo
      .command('summary', { isDefault: true })
      .description(
        'Print the proxies of the demo mesh with their listener/route/cluster/endpoint counts.',
      ),
  ).action((flags: MeshFlags) => {
    const mesh = generateDemoMesh(meshOptions(flags));
    console.log(demoSummary(mesh, selectProxies(mesh, flags.proxy)));
  });
}
