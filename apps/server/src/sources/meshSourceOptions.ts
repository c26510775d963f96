import { InvalidArgumentError, type Command } from 'commander';
import { meshSourceConfigFromEnv, type MeshSourceConfig } from './createMeshSource';
import { DEFAULT_TIMEOUT_MS, parseDuration } from './parseDuration';
import { DEFAULT_CONCURRENCY } from './semaphore';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `--timeout 2s` style values for commander. */
export function timeoutOption(value: string): number {
  const parsed = parseDuration(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.ms;
}

function concurrencyOption(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256)
    throw new InvalidArgumentError('expected a number from 1 to 256.');
  return Number(value);
}

function demoServicesOption(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 4 || Number(value) > 20000)
    throw new InvalidArgumentError('expected a number from 4 to 20000.');
  return Number(value);
}

/** The flags `addMeshSourceOptions` adds, as commander hands them over. */
export interface MeshSourceFlags {
  istiod: string[];
  envoy: string[];
  bugReport?: string;
  kubeconfig?: string;
  context?: string;
  inCluster?: boolean;
  timeout: number;
  concurrency: number;
  demoServices?: number;
}

/**
 * Adds the data-source flags to a command (`meshlens serve`, `meshlens proxy-status`):
 * `--istiod`, `--envoy` (repeatable), `--bug-report`, `--kubeconfig`, `--context`, `--in-cluster`,
 * `--timeout`, `--concurrency`. Without any, the demo mesh simulator is used.
 */
export function addMeshSourceOptions(
  command: Command,
  options: { istiod?: boolean } = {},
): Command {
  if (options.istiod !== false)
    command.option(
      '--istiod <[name=]url>',
      'istiod debug port, e.g. http://127.0.0.1:15014 (repeatable; env MESHLENS_ISTIOD)',
      collect,
      [],
    );
  return command
    .option(
      '--envoy <[pod.namespace=]url>',
      'Envoy admin, e.g. http://127.0.0.1:15000 (repeatable; env MESHLENS_ENVOY)',
      collect,
      [],
    )
    .option('--bug-report <file>', 'an istioctl bug-report .tar.gz (env MESHLENS_BUG_REPORT)')
    .option('--kubeconfig <path>', 'read the mesh through the Kubernetes API with this kubeconfig')
    .option('--context <name>', 'kubeconfig context to use')
    .option('--in-cluster', 'use the pod service account (running inside the cluster)')
    .option(
      '--timeout <duration>',
      'per-request timeout, e.g. 2s, 500ms, 1m',
      timeoutOption,
      DEFAULT_TIMEOUT_MS,
    )
    .option('--concurrency <n>', 'proxies fetched at once', concurrencyOption, DEFAULT_CONCURRENCY)
    .option(
      '--demo-services <n>',
      'size of the built-in demo mesh when no source is given (services, Bookinfo included)',
      demoServicesOption,
    );
}

/** The source configuration from those flags plus `MESHLENS_*` environment variables. */
export function meshSourceConfigFromFlags(
  flags: MeshSourceFlags,
  env: NodeJS.ProcessEnv = process.env,
): MeshSourceConfig {
  const config: MeshSourceConfig = {
    istiod: flags.istiod,
    envoy: flags.envoy,
    timeoutMs: flags.timeout,
    concurrency: flags.concurrency,
  };
  if (flags.bugReport !== undefined) config.bugReport = flags.bugReport;
  if (flags.kubeconfig !== undefined) config.kubeconfig = flags.kubeconfig;
  if (flags.context !== undefined) config.context = flags.context;
  if (flags.inCluster) config.inCluster = true;
  if (flags.demoServices !== undefined) config.demoServices = flags.demoServices;
  return meshSourceConfigFromEnv(env, config);
}
