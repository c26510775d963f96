import { BugReportSource } from './bugReport/BugReportSource';
import { DemoMeshSource } from './DemoMeshSource';
import { EnvoyAdminSource, type EnvoyAdminTarget } from './EnvoyAdminSource';
import { IstiodSource, type IstiodTarget } from './IstiodSource';
import type { MeshSource } from './MeshSource';
import { fail, ok, type SourceResult } from './SourceError';

/** Where the mesh comes from: CLI flags and environment only, never a request. */
export interface MeshSourceConfig {
  /** istiod debug ports, `[name=]url`. */
  istiod?: string[];
  /** Envoy admin endpoints, `[<pod>.<namespace>=]url`. */
  envoy?: string[];
  /** An `istioctl bug-report` archive. */
  bugReport?: string;
  /** Kubernetes: kubeconfig path / context / in-cluster service account. */
  kubeconfig?: string;
  context?: string;
  inCluster?: boolean;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
  /** Proxies fetched at once. */
  concurrency?: number;
  /** Size of the demo mesh (total services, Bookinfo's 4 included) when no source is configured. */
  demoServices?: number;
}

/** Creates the Kubernetes source (replaceable in tests). */
export type KubernetesSourceFactory = (
  config: MeshSourceConfig,
) => Promise<SourceResult<MeshSource>>;

/** `name=value` or `value`; names are DNS-ish, so a URL's own `=` (in a query) is not mistaken for one. */
export function splitNamedTarget(spec: string): { name?: string; target: string } {
  const m = /^([A-Za-z0-9][-A-Za-z0-9_.]*)=(.+)$/.exec(spec);
  return m && m[1] && m[2] ? { name: m[1], target: m[2] } : { target: spec };
}

/** Reads the `MESHLENS_*` environment variables (comma-separated lists) under the flags. */
export function meshSourceConfigFromEnv(
  env: NodeJS.ProcessEnv,
  flags: MeshSourceConfig,
): MeshSourceConfig {
  const list = (v: string | undefined): string[] =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  const config: MeshSourceConfig = { ...flags };
  if (!config.istiod?.length && env.MESHLENS_ISTIOD) config.istiod = list(env.MESHLENS_ISTIOD);
  if (!config.envoy?.length && env.MESHLENS_ENVOY) config.envoy = list(env.MESHLENS_ENVOY);
  if (!config.bugReport && env.MESHLENS_BUG_REPORT) config.bugReport = env.MESHLENS_BUG_REPORT;
  return config;
}

/**
 * The source the configuration asks for: a bug-report archive, Kubernetes, istiod (+ Envoy admin),
 * Envoy admin alone, or, when nothing is configured, the demo mesh simulator.
 */
export async function createMeshSource(
  config: MeshSourceConfig,
  kubernetes?: KubernetesSourceFactory,
): Promise<SourceResult<MeshSource>> {
  const limits = {
    ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
    ...(config.concurrency !== undefined ? { concurrency: config.concurrency } : {}),
  };
  const wantsKube =
    config.kubeconfig !== undefined || config.context !== undefined || config.inCluster === true;
  const live = (config.istiod?.length ?? 0) + (config.envoy?.length ?? 0) > 0;
  const kinds = [config.bugReport !== undefined, wantsKube, live].filter(Boolean).length;
  if (kinds > 1) {
    return fail({
      kind: 'not_available',
      message: 'several kinds of source are configured at once',
      advice:
        'Use one of: --bug-report FILE, --kubeconfig/--context/--in-cluster, or --istiod/--envoy URLs.',
    });
  }
  if (config.bugReport !== undefined) return BugReportSource.open(config.bugReport);
  if (wantsKube) {
    if (kubernetes) return kubernetes(config);
    // Loaded on demand: @kubernetes/client-node takes ~2 s to load, which every other CLI run skips.
    const { createKubernetesSource } = await import('./kubernetes/KubernetesSource');
    return createKubernetesSource(config);
  }
  const envoyTargets: EnvoyAdminTarget[] = (config.envoy ?? []).map((spec) => {
    const { name, target } = splitNamedTarget(spec);
    return name ? { url: target, id: name } : { url: target };
  });
  const envoy = envoyTargets.length > 0 ? new EnvoyAdminSource(envoyTargets, limits) : undefined;
  if (config.istiod?.length) {
    const targets: IstiodTarget[] = config.istiod.map((spec) => {
      const { name, target } = splitNamedTarget(spec);
      return name ? { url: target, name } : { url: target };
    });
    return ok(new IstiodSource(targets, { ...limits, ...(envoy ? { envoy } : {}) }));
  }
  if (envoy) return ok(envoy);
  return ok(
    await DemoMeshSource.start({
      ...limits,
      ...(config.demoServices !== undefined
        ? { meshOptions: { services: config.demoServices } }
        : {}),
    }),
  );
}
