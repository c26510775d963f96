// "Config vs traffic": which edges the configuration allows that carry no traffic (drawn dashed),
// and which observed traffic no configuration edge explains (flagged). Works on the neutral config
// graph and Kiali's workload-graph JSON, keyed by workload and destination service host.
import type { ConfigGraph } from '../config/configGraph';
import type { KialiGraphResponse, KialiNodeData } from '../traffic/kialiGraphJson';

/** A traffic edge no config edge explains. */
export interface UnexplainedTraffic {
  /** Kiali edge id. */
  trafficEdge: string;
  /** Config node ids of the two ends (`wl:ns/name`, `svc:host`). */
  source: string;
  target: string;
  reason: string;
}

/** The comparison. */
export interface ConfigTrafficComparison {
  /** Config `reaches` edges with traffic, and the Kiali edges on them. */
  matched: { configEdge: string; trafficEdges: string[] }[];
  /** Config `reaches` edges of workloads the traffic graph shows, with no traffic. */
  configOnly: string[];
  /** Traffic edges from a known workload to a service that workload's config cannot reach. */
  trafficOnly: UnexplainedTraffic[];
  /** Traffic edges that cannot be judged (unknown source, no proxy dump for the source workload). */
  unjudged: string[];
}

/** The services a Kiali node receives traffic for, as config ids (`svc:<fqdn>`). */
function destinationServices(node: KialiNodeData, domain: string): string[] {
  const fqdn = (name: string, ns: string): string =>
    name.includes('.') ? name : `${name}.${ns}.svc.${domain}`;
  if (node.nodeType === 'service' && node.service)
    return [`svc:${fqdn(node.service, node.namespace)}`];
  return (node.destServices ?? []).map((s) => `svc:${fqdn(s.name, s.namespace)}`);
}

/** Compares a config graph with a traffic graph (workload or versionedApp graph, with or without injected services). */
export function compareConfigTraffic(
  config: ConfigGraph,
  traffic: KialiGraphResponse,
  domainSuffix = 'cluster.local',
): ConfigTrafficComparison {
  const reaches = new Map(
    config.edges.filter((e) => e.kind === 'reaches').map((e) => [`${e.source} ${e.target}`, e.id]),
  );
  const configWorkloads = new Set(
    config.nodes.filter((n) => n.kind === 'workload').map((n) => n.id),
  );
  // Workloads whose reach is Istio's default (no Sidecar) and whose outbound clusters were not
  // read (no dump): any traffic of theirs is allowed, and there is no edge to match it to.
  const withReach = new Set(config.edges.filter((e) => e.kind === 'reaches').map((e) => e.source));
  const allowedByDefault = new Set(
    config.nodes.filter((n) => n.reachesAll === true && !withReach.has(n.id)).map((n) => n.id),
  );
  const nodes = new Map(traffic.elements.nodes.map((n) => [n.data.id, n.data]));
  const matched = new Map<string, string[]>();
  const trafficOnly: UnexplainedTraffic[] = [];
  const unjudged: string[] = [];
  const seenWorkloads = new Set<string>();

  for (const { data: e } of traffic.elements.edges) {
    const src = nodes.get(e.source);
    const dst = nodes.get(e.target);
    const wl = src?.workload ? `wl:${src.namespace}/${src.workload}` : undefined;
    if (!src || !dst || !wl || !configWorkloads.has(wl)) {
      unjudged.push(e.id);
      continue;
    }
    seenWorkloads.add(wl);
    const services = destinationServices(dst, domainSuffix);
    if (services.length === 0) {
      unjudged.push(e.id);
      continue;
    }
    const hits = services
      .map((s) => reaches.get(`${wl} ${s}`))
      .filter((x): x is string => x !== undefined);
    if (hits.length === 0 && allowedByDefault.has(wl)) {
      unjudged.push(e.id);
      continue;
    }
    if (hits.length === 0) {
      trafficOnly.push({
        trafficEdge: e.id,
        source: wl,
        target: services[0] ?? '',
        reason: `${wl.slice(3)} has no outbound cluster for ${services.map((s) => s.slice(4)).join(', ')}`,
      });
      continue;
    }
    for (const h of hits) matched.set(h, [...(matched.get(h) ?? []), e.id]);
  }
  const configOnly = config.edges
    .filter((e) => e.kind === 'reaches' && seenWorkloads.has(e.source) && !matched.has(e.id))
    .map((e) => e.id);
  return {
    matched: [...matched].map(([configEdge, trafficEdges]) => ({ configEdge, trafficEdges })),
    configOnly,
    trafficOnly,
    unjudged,
  };
}
