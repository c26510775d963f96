import type {
  ConfigEdgeKind,
  ConfigGraph,
  ConfigGraphEdge,
  ConfigGraphNode,
  ConfigNamespaceSummary,
  ConfigSource,
} from './configGraph';

/** Accumulates nodes and edges by id, merging sources, origins and ports; sorted output. */
export class ConfigGraphBuilder {
  readonly nodes = new Map<string, ConfigGraphNode>();
  readonly edges = new Map<string, ConfigGraphEdge>();
  readonly warnings: string[] = [];

  /** Adds the node or merges into an existing one (first values win; sources are unioned). */
  node(
    node: Omit<ConfigGraphNode, 'sources'> & { sources?: ConfigSource[] },
    source: ConfigSource,
  ): ConfigGraphNode {
    const existing = this.nodes.get(node.id);
    if (existing) {
      if (!existing.sources.includes(source)) existing.sources.push(source);
      // A node first seen as a mere reference becomes resolved when something defines it.
      if (existing.unresolved && !node.unresolved) delete existing.unresolved;
      for (const [k, v] of Object.entries(node)) {
        const key = k as keyof ConfigGraphNode;
        if (v !== undefined && existing[key] === undefined && key !== 'unresolved') {
          Object.assign(existing, { [key]: v });
        }
      }
      return existing;
    }
    const created: ConfigGraphNode = { ...node, sources: [source] };
    this.nodes.set(created.id, created);
    return created;
  }

  /** Adds the edge or merges origins and ports into the existing one with the same key. */
  edge(
    source: string,
    target: string,
    kind: ConfigEdgeKind,
    origin: string,
    extra: Partial<Pick<ConfigGraphEdge, 'weight' | 'protocol' | 'route' | 'ports'>> = {},
  ): ConfigGraphEdge {
    const id = `${kind}:${source}->${target}${extra.route !== undefined ? `#${extra.route}` : ''}`;
    const existing = this.edges.get(id);
    if (existing) {
      if (!existing.origins.includes(origin)) existing.origins.push(origin);
      for (const p of extra.ports ?? []) {
        existing.ports ??= [];
        if (!existing.ports.includes(p)) existing.ports.push(p);
      }
      return existing;
    }
    const edge: ConfigGraphEdge = { id, source, target, kind, origins: [origin], ...extra };
    if (edge.ports) edge.ports = [...new Set(edge.ports)];
    this.edges.set(id, edge);
    return edge;
  }

  /** The graph, nodes and edges sorted by id (ports ascending) for stable output. */
  build(): ConfigGraph {
    const byId = <T extends { id: string }>(a: T, b: T): number =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    const edges = [...this.edges.values()].sort(byId);
    for (const e of edges) e.ports?.sort((a, b) => a - b);
    const nodes = [...this.nodes.values()].sort(byId);
    const namespaces = new Map<string, ConfigNamespaceSummary>();
    for (const n of nodes) {
      if (!n.namespace) continue;
      let ns = namespaces.get(n.namespace);
      if (!ns) {
        ns = { namespace: n.namespace, services: 0, workloads: 0, reachAll: 0, sidecars: 0 };
        namespaces.set(n.namespace, ns);
      }
      if (n.kind === 'service') ns.services++;
      else if (n.kind === 'workload') {
        ns.workloads++;
        if (n.reachesAll) ns.reachAll++;
      } else if (n.kind === 'sidecar') ns.sidecars++;
    }
    return {
      nodes,
      edges,
      namespaces: [...namespaces.values()].sort((a, b) => a.namespace.localeCompare(b.namespace)),
      warnings: [...this.warnings],
    };
  }
}

/** Node ids of the config graph. */
export const configIds = {
  service: (host: string): string => `svc:${host}`,
  subset: (host: string, subset: string): string => `subset:${host}|${subset}`,
  workload: (namespace: string, name: string): string => `wl:${namespace}/${name}`,
  gateway: (namespace: string, name: string): string => `gw:${namespace}/${name}`,
  virtualService: (namespace: string, name: string): string => `vs:${namespace}/${name}`,
  sidecar: (namespace: string, name: string): string => `sidecar:${namespace}/${name}`,
};

/** `reviews.bookinfo.svc.cluster.local` -> namespace `bookinfo` (Kubernetes hosts), else the fallback. */
export function namespaceOfHost(host: string, fallback: string): string {
  const m = /^[^.]+\.([^.]+)\.svc\./.exec(host);
  return m?.[1] ?? fallback;
}
