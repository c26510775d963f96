// `meshlens graph`: Kiali's traffic graph JSON for a Kiali graph API path, computed from Prometheus
// with Kiali's exact queries, e.g.
//   meshlens graph --prometheus http://127.0.0.1:9090 '/api/namespaces/graph?namespaces=bookinfo&graphType=app'
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DEFAULT_TIMEOUT_MS, parseDuration } from '../sources/parseDuration';
import { answerGraphRequest, parseQueryScope, splitRequest } from '../topology/graphRequest';
import { createPrometheusClient } from '../topology/prometheusClient';
import type { CliIo } from './proxyConfigCommand';

/** Flags of `meshlens graph`. */
export interface GraphFlags {
  prometheus: string;
  clusterName?: string;
  accessibleNamespaces?: string;
  queryScope?: Record<string, string>;
  timeout: number;
  showQueries?: boolean;
}

function timeoutOption(value: string): number {
  const parsed = parseDuration(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.ms;
}

function scopeOption(value: string): Record<string, string> {
  const scope = parseQueryScope(value);
  if (typeof scope === 'string') throw new InvalidArgumentError(scope);
  return scope;
}

/** Runs one graph request; returns the exit code (0 ok, 1 Kiali error status, 2 bad usage). */
export async function runGraphCommand(
  request: string,
  flags: GraphFlags,
  io: CliIo,
): Promise<number> {
  if (!request.startsWith('/api/namespaces/')) {
    io.stderr(
      `meshlens graph: "${request}" is not a Kiali graph API path; use e.g. '/api/namespaces/graph?namespaces=bookinfo&graphType=app'\n`,
    );
    return 2;
  }
  const { path, query } = splitRequest(request);
  const accessible = flags.accessibleNamespaces
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const answer = await answerGraphRequest(path, query, {
    query: createPrometheusClient({ url: flags.prometheus, timeoutMs: flags.timeout }),
    ...(flags.clusterName ? { clusterName: flags.clusterName } : {}),
    ...(accessible ? { accessibleNamespaces: accessible } : {}),
    ...(flags.queryScope ? { queryScope: flags.queryScope } : {}),
  });
  if (answer.status !== 200 || !('queries' in answer)) {
    const message = 'error' in answer.body ? answer.body.error : 'unexpected answer';
    io.stderr(`meshlens graph: HTTP ${answer.status}: ${message}\n`);
    return 1;
  }
  if (flags.showQueries) for (const q of answer.queries) io.stderr(`${q}\n`);
  io.stdout(`${JSON.stringify(answer.body, null, 2)}\n`);
  return 0;
}

/** Registers `meshlens graph`; `io` and `onExit` default to the process (tests pass their own). */
export function registerGraphCommand(
  program: Command,
  io: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  onExit: (code: number) => void = (code) => {
    process.exitCode = code;
  },
): void {
  program
    .command('graph')
    .description(
      "Print Kiali's traffic graph JSON for a Kiali graph API path, computed from Prometheus with Kiali's queries.",
    )
    .argument(
      '<request>',
      "Kiali graph API path with query, e.g. '/api/namespaces/graph?namespaces=bookinfo'",
    )
    .requiredOption('--prometheus <url>', 'Prometheus base URL, e.g. http://127.0.0.1:9090')
    .option('--cluster-name <name>', "Kiali's home cluster name (default Kubernetes)")
    .option(
      '--accessible-namespaces <list>',
      'namespaces the user may see: ns or cluster:ns, comma-separated (default: all)',
    )
    .option(
      '--query-scope <label=value,...>',
      "Kiali's Prometheus query scope, e.g. mesh_id=mesh1",
      scopeOption,
    )
    .option(
      '--timeout <duration>',
      'per-query timeout, e.g. 2s, 500ms, 1m',
      timeoutOption,
      DEFAULT_TIMEOUT_MS,
    )
    .option('--show-queries', 'print the PromQL queries sent, on stderr')
    .action(async (request: string, flags: GraphFlags) => {
      onExit(await runGraphCommand(request, flags, io));
    });
}

/** Runs `meshlens graph <argv...>` in-process (same code path as the CLI); returns the exit code. */
export async function runGraph(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('meshlens')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerGraphCommand(program, io, (code) => {
    exitCode = code;
  });
  for (const sub of program.commands) {
    sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  }
  try {
    await program.parseAsync(['graph', ...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return exitCode;
}
