// The VirtualServices and DestinationRule behind an edge of the topology: the config graph's
// `routes` edges into the destination service (or its subsets), and the service's subsets and
// traffic policies.
import type { ConfigGraph } from '@meshlens/topology';

/** What the configuration says about traffic to one service. */
export interface ConfigBehind {
  host: string;
  /** VirtualServices routing to the host: name and the routes (subset and weight). */
  virtualServices: { id: string; name: string; namespace: string; routes: string[] }[];
  /** DestinationRule subsets of the host. */
  subsets: string[];
  /** DestinationRule traffic-policy sections applying to the host. */
  policies: string[];
}

/** The destination service host of an edge between two page node ids (`svc:<host>` ends). */
export function edgeHost(source: string, target: string): string | undefined {
  if (target.startsWith('svc:')) return target.slice(4);
  if (target.startsWith('subset:')) return target.slice(7).split('|')[0];
  if (source.startsWith('svc:')) return source.slice(4);
  return undefined;
}

/** Looks up the VirtualServices / DestinationRule of a host in the config graph. */
export function configBehind(graph: ConfigGraph, host: string): ConfigBehind {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const svcId = `svc:${host}`;
  const subsetNodes = graph.nodes.filter((n) => n.kind === 'subset' && n.host === host);
  const targets = new Set([svcId, ...subsetNodes.map((n) => n.id)]);
  const vs = new Map<string, ConfigBehind['virtualServices'][number]>();
  for (const e of graph.edges) {
    if (e.kind !== 'routes' || !targets.has(e.target)) continue;
    const v = nodes.get(e.source);
    if (!v) continue;
    const entry = vs.get(v.id) ?? { id: v.id, name: v.name, namespace: v.namespace, routes: [] };
    const to = nodes.get(e.target);
    const dest = to?.kind === 'subset' ? `subset ${to.subset ?? to.name}` : 'service';
    entry.routes.push(
      `${e.route ?? 'route'} -> ${dest}${e.weight !== undefined ? ` (${e.weight}%)` : ''}`,
    );
    vs.set(v.id, entry);
  }
  const policies = new Set([
    ...(nodes.get(svcId)?.policies ?? []),
    ...subsetNodes.flatMap((n) => n.policies ?? []),
  ]);
  return {
    host,
    virtualServices: [...vs.values()],
    subsets: subsetNodes.map((n) => n.subset ?? n.name),
    policies: [...policies],
  };
}

/** The proxy (`<pod>.<namespace>`) behind a config workload node, from the origins of its edges. */
export function proxyOfWorkload(graph: ConfigGraph, workloadId: string): string | undefined {
  for (const e of graph.edges) {
    if (e.source !== workloadId && e.target !== workloadId) continue;
    const origin = e.origins.find((o) => o.startsWith('proxy:'));
    if (origin) return origin.slice('proxy:'.length);
  }
  return undefined;
}
