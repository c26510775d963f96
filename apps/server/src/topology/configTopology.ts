// The config topology of a live (or demo, or archived) mesh: istiod's registry and config plus
// every proxy's config dump, read through the MeshSource interface.
import type { ConfigDump } from '@meshlens/configdump';
import {
  buildConfigTopology,
  readIstioConfig,
  type ConfigTopologyAnswer,
} from '@meshlens/topology';
import type { MeshSource } from '../sources/MeshSource';
import { formatSourceError } from '../sources/SourceError';
import { DEFAULT_CONCURRENCY, mapBounded } from '../sources/semaphore';

export type { ConfigTopologyAnswer };

/** Reads registry, config and every proxy dump from the source and builds the config graph. */
export async function readConfigTopology(
  source: MeshSource,
  options: { concurrency?: number } = {},
): Promise<ConfigTopologyAnswer> {
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
  const dumps = await mapBounded(list, options.concurrency ?? DEFAULT_CONCURRENCY, async (p) => {
    const r = await source.getConfigDump(p.id);
    if (!r.ok) problems.push(`${p.id}: ${formatSourceError(r.error)}`);
    return r.ok ? r.value.dump : undefined;
  });
  const graph = buildConfigTopology({
    ...(services.ok ? { registry: services.value } : {}),
    ...(config.ok ? { config: readIstioConfig(config.value) } : {}),
    dumps: dumps.filter((d): d is ConfigDump => d !== undefined),
  });
  return { graph, problems };
}
