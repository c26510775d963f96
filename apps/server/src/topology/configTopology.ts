// The config topology of a live (or demo, or archived) mesh: istiod's registry and config, the
// proxy list, and summaries of the proxies' dumps, read through the MeshSource interface.
// Up to `dumpLimit` proxies every dump is read (summarised and cached); above it, workloads come
// from the proxy list (labels inferred from pod names) and no dump is read: a large mesh answers
// in seconds instead of fetching gigabytes of dumps (a sidecar of the 1,000-service demo dumps
// ~26 MB; even one, parsed on the server's thread, stalls every other request for seconds).
import {
  buildConfigTopology,
  readIstioConfig,
  type ConfigTopologyAnswer,
} from '@meshlens/topology';
import type { MeshSource } from '../sources/MeshSource';
import { formatSourceError } from '../sources/SourceError';
import { ProxySummaryCache } from './proxySummaryCache';

export type { ConfigTopologyAnswer };

/** Default number of proxies whose dumps are all read per answer. */
export const DEFAULT_DUMP_LIMIT = 100;

/** Options of {@link readConfigTopology}. */
export interface ConfigTopologyOptions {
  /** Dumps fetched at once (default 4; used when no cache is passed). */
  concurrency?: number;
  /** Read every dump up to this many proxies (default {@link DEFAULT_DUMP_LIMIT}). */
  dumpLimit?: number;
  /** Summaries kept between requests (the router passes one per source). */
  cache?: ProxySummaryCache;
}

/** Reads registry, config, proxy list and proxy summaries from the source; builds the config graph. */
export async function readConfigTopology(
  source: MeshSource,
  options: ConfigTopologyOptions = {},
): Promise<ConfigTopologyAnswer> {
  const cache =
    options.cache ??
    new ProxySummaryCache(
      source,
      options.concurrency !== undefined ? { concurrency: options.concurrency } : {},
    );
  const limit = options.dumpLimit ?? DEFAULT_DUMP_LIMIT;
  const problems: string[] = [];
  const [services, config, proxies] = await Promise.all([
    source.getServices(),
    source.getIstioConfig(),
    source.listProxies(),
  ]);
  if (!services.ok) problems.push(`registry: ${formatSourceError(services.error)}`);
  if (!config.ok) problems.push(`config: ${formatSourceError(config.error)}`);
  if (!proxies.ok) problems.push(`proxies: ${formatSourceError(proxies.error)}`);
  else problems.push(...proxies.value.warnings);
  const list = proxies.ok ? proxies.value.proxies : [];
  const ids = list.map((p) => p.id);
  let summaries;
  if (list.length <= limit) {
    const read = await cache.read(ids);
    problems.push(...read.problems);
    summaries = read.summaries;
  } else {
    // Whatever an earlier, smaller answer (or a lower limit) already summarised is still used.
    summaries = cache.cached(ids);
  }
  const graph = buildConfigTopology({
    ...(services.ok ? { registry: services.value } : {}),
    ...(config.ok ? { config: readIstioConfig(config.value) } : {}),
    summaries,
    listed: list.map((p) => ({ name: p.name, namespace: p.namespace, type: p.type })),
  });
  return {
    graph,
    problems,
    proxies: { total: list.length, summarised: summaries.length, dumpLimit: limit },
  };
}
