// The topology the configuration allows, with no traffic: istiod's registry (services,
// ServiceEntries), its config (Gateways, VirtualServices, DestinationRules, Sidecars) and whatever
// proxy dumps are available (workloads, reachable services, programmed routes).
import type { ConfigDump } from '@meshlens/configdump';
import type { RegistryService } from '@meshlens/istiod';
import { addProxySummaries, addWorkload } from './addProxySummaries';
import type { ConfigGraph, ConfigGraphNode } from './configGraph';
import { ConfigGraphBuilder, configIds, namespaceOfHost } from './configGraphBuilder';
import { egressHostAllows, labelsMatch, resolveHost } from './istioHost';
import { summariseProxyDump, type ProxySummary } from './proxySummary';
import { listedProxyWorkload, type ProxyWorkload } from './proxyWorkload';
import type { IstioConfigSet } from './readIstioConfig';

/** Inputs of the config topology; each is optional. */
export interface ConfigTopologyInput {
  /** istiod `/debug/registryz` services (`parseRegistryz` of @meshlens/istiod). */
  registry?: readonly RegistryService[];
  /** istiod `/debug/configz` objects (`readIstioConfig(parseConfigz(...))`). */
  config?: IstioConfigSet;
  /** Parsed proxy config dumps. */
  dumps?: readonly ConfigDump[];
  /** Summaries of proxy dumps (what the server caches instead of dumps). */
  summaries?: readonly ProxySummary[];
  /**
   * Proxies known only from the proxy list (no dump read): they become workloads with labels
   * inferred from their names. Ignored for a proxy a dump or summary already describes.
   */
  listed?: readonly { name: string; namespace: string; type: string }[];
  /** Kubernetes DNS suffix for short names (default `cluster.local`). */
  domainSuffix?: string;
  /** Istio's root namespace, whose selector-less Sidecar is the mesh default (default `istio-system`). */
  rootNamespace?: string;
}

function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Builds the config graph. */
export function buildConfigTopology(input: ConfigTopologyInput): ConfigGraph {
  const b = new ConfigGraphBuilder();
  const domain = input.domainSuffix ?? 'cluster.local';
  const shortName = (host: string): string => host.split('.')[0] ?? host;

  for (const s of input.registry ?? []) {
    b.node(
      {
        id: configIds.service(s.hostname),
        kind: 'service',
        name: s.name,
        namespace: s.namespace,
        host: s.hostname,
        ports: s.ports,
        ...(s.meshExternal ? { meshExternal: true } : {}),
      },
      'registry',
    );
  }
  const config = input.config;
  for (const se of config?.serviceEntries ?? []) {
    for (const host of se.hosts) {
      b.node(
        {
          id: configIds.service(host),
          kind: 'service',
          name: host,
          namespace: se.namespace,
          host,
          ports: se.ports,
          serviceEntry: {
            name: se.name,
            namespace: se.namespace,
            ...(se.location ? { location: se.location } : {}),
          },
          ...(se.location === 'MESH_EXTERNAL' ? { meshExternal: true } : {}),
        },
        'config',
      );
    }
  }
  const summaries = [
    ...(input.summaries ?? []),
    ...(input.dumps ?? []).flatMap((d) => summariseProxyDump(d) ?? []),
  ];
  const workloads: ProxyWorkload[] = addProxySummaries(b, summaries);
  // Proxies only listed: workloads named after their pods (one per workload, first wins).
  const summarised = new Set(workloads.map((w) => configIds.workload(w.namespace, w.name)));
  const serviceNames = groupBy(
    [...b.nodes.values()].filter((n) => n.kind === 'service' && n.host?.includes('.svc.')),
    (n) => n.namespace,
  );
  for (const p of input.listed ?? []) {
    const names = (serviceNames.get(p.namespace) ?? []).map((n) => n.name);
    const wl = listedProxyWorkload(p, names);
    const id = configIds.workload(wl.namespace, wl.name);
    if (summarised.has(id)) continue;
    summarised.add(id);
    addWorkload(b, wl);
    workloads.push(wl);
  }
  const workloadsByNs = groupBy(workloads, (w) => w.namespace);

  /** A service referenced by config: created unresolved when nothing defines it. */
  const serviceRef = (host: string, namespace: string): string => {
    const id = configIds.service(host);
    if (!b.nodes.has(id)) {
      b.node(
        {
          id,
          kind: 'service',
          name: shortName(host),
          namespace: namespaceOfHost(host, namespace),
          host,
          unresolved: true,
        },
        'config',
      );
      b.warnings.push(
        `${host} is referenced by configuration but is in no registry, ServiceEntry or proxy dump`,
      );
    }
    return id;
  };

  // Workloads the proxies' endpoints put behind each host. A subset's labels are ANDed with its
  // service's selector, so when endpoints are known only those workloads can match the subset
  // (`version: v1` alone would otherwise select every v1 workload of the namespace).
  for (const wl of workloads) {
    if (!wl.labelsInferred || !wl.app) continue;
    const svc = configIds.service(`${wl.app}.${wl.namespace}.svc.${domain}`);
    if (b.nodes.has(svc))
      b.edge(svc, configIds.workload(wl.namespace, wl.name), 'selects', 'proxyList');
  }
  const behindHost = new Map<string, Set<string>>();
  for (const e of b.edges.values()) {
    if (e.kind !== 'selects') continue;
    const src = b.nodes.get(e.source);
    if (!src?.host || (src.kind !== 'service' && src.kind !== 'subset')) continue;
    const set = behindHost.get(src.host) ?? new Set<string>();
    set.add(e.target);
    behindHost.set(src.host, set);
  }
  const definedSubsets = new Set<string>();
  for (const dr of config?.destinationRules ?? []) {
    const host = resolveHost(dr.host, dr.namespace, domain);
    const svc = serviceRef(host, dr.namespace);
    const svcNode = b.nodes.get(svc);
    if (svcNode && dr.policies.length > 0)
      svcNode.policies = [...new Set([...(svcNode.policies ?? []), ...dr.policies])];
    for (const s of dr.subsets) {
      const id = configIds.subset(host, s.name);
      definedSubsets.add(id);
      b.node(
        {
          id,
          kind: 'subset',
          name: s.name,
          namespace: namespaceOfHost(host, dr.namespace),
          host,
          subset: s.name,
          labels: s.labels,
          ...(s.policies.length > 0 ? { policies: s.policies } : {}),
        },
        'config',
      );
      b.edge(id, svc, 'subsetOf', 'configz');
      for (const wl of workloadsByNs.get(namespaceOfHost(host, dr.namespace)) ?? []) {
        if (
          Object.keys(s.labels).length > 0 &&
          labelsMatch(s.labels, wl.labels) &&
          (behindHost.get(host)?.has(configIds.workload(wl.namespace, wl.name)) ?? true)
        ) {
          b.edge(id, configIds.workload(wl.namespace, wl.name), 'selects', 'configz');
        }
      }
    }
  }

  for (const gw of config?.gateways ?? []) {
    const id = configIds.gateway(gw.namespace, gw.name);
    b.node(
      { id, kind: 'gateway', name: gw.name, namespace: gw.namespace, labels: gw.selector },
      'config',
    );
    for (const wl of workloads) {
      if (Object.keys(gw.selector).length > 0 && labelsMatch(gw.selector, wl.labels)) {
        b.edge(id, configIds.workload(wl.namespace, wl.name), 'applies', 'configz');
      }
    }
  }

  for (const vs of config?.virtualServices ?? []) {
    const id = configIds.virtualService(vs.namespace, vs.name);
    b.node({ id, kind: 'virtualService', name: vs.name, namespace: vs.namespace }, 'config');
    for (const g of vs.gateways) {
      if (g === 'mesh') continue;
      const [ns, name] = g.includes('/')
        ? (g.split('/', 2) as [string, string])
        : [vs.namespace, g];
      const gwId = configIds.gateway(ns, name);
      if (!b.nodes.has(gwId)) {
        b.node({ id: gwId, kind: 'gateway', name, namespace: ns, unresolved: true }, 'config');
        b.warnings.push(
          `VirtualService ${vs.namespace}/${vs.name} binds to gateway ${ns}/${name}, which does not exist`,
        );
      }
      b.edge(gwId, id, 'binds', 'configz');
    }
    for (const route of vs.routes) {
      const single = route.destinations.length === 1;
      for (const d of route.destinations) {
        const host = resolveHost(d.host, vs.namespace, domain);
        let target = serviceRef(host, vs.namespace);
        if (d.subset) {
          const subsetId = configIds.subset(host, d.subset);
          if (!definedSubsets.has(subsetId)) {
            b.warnings.push(
              `VirtualService ${vs.namespace}/${vs.name} routes to subset ${d.subset} of ${host}, which no DestinationRule defines`,
            );
          }
          b.node(
            {
              id: subsetId,
              kind: 'subset',
              name: d.subset,
              namespace: namespaceOfHost(host, vs.namespace),
              host,
              subset: d.subset,
              ...(definedSubsets.has(subsetId) ? {} : { unresolved: true }),
            },
            'config',
          );
          b.edge(subsetId, target, 'subsetOf', 'configz');
          target = subsetId;
        }
        const routeName = /^(http|tcp|tls)\[\d+\]$/.test(route.name) ? {} : { route: route.name };
        b.edge(id, target, 'routes', 'configz', {
          weight: d.weight ?? (single ? 100 : 0),
          protocol: route.protocol,
          ...routeName,
          ...(d.port !== undefined ? { ports: [d.port] } : {}),
        });
      }
    }
  }

  const services = [...b.nodes.values()].filter((n) => n.kind === 'service' && n.host);
  const servicesByNs = groupBy(services, (n) => n.namespace);
  const root = input.rootNamespace ?? 'istio-system';
  const scoped = new Set<string>();
  let meshDefault = false;
  for (const sc of config?.sidecars ?? []) {
    const id = configIds.sidecar(sc.namespace, sc.name);
    b.node(
      {
        id,
        kind: 'sidecar',
        name: sc.name,
        namespace: sc.namespace,
        ...(sc.selector ? { labels: sc.selector } : {}),
      },
      'config',
    );
    if (sc.namespace === root && !sc.selector) meshDefault = true;
    for (const wl of workloadsByNs.get(sc.namespace) ?? []) {
      if (labelsMatch(sc.selector ?? {}, wl.labels)) {
        const wlId = configIds.workload(wl.namespace, wl.name);
        b.edge(id, wlId, 'applies', 'configz');
        scoped.add(wlId);
      }
    }
    for (const spec of sc.egressHosts) {
      const slash = spec.indexOf('/');
      const specNs = slash < 0 ? '*' : spec.slice(0, slash);
      const host = slash < 0 ? spec : spec.slice(slash + 1);
      // Only the namespace the spec names can match (`*/` = every namespace).
      const candidates =
        specNs === '*'
          ? services
          : (servicesByNs.get(specNs === '.' ? sc.namespace : specNs) ?? []);
      const matched = candidates.filter((n) =>
        egressHostAllows(spec, sc.namespace, n.host ?? '', n.namespace),
      );
      for (const n of matched) b.edge(id, n.id, 'allows', 'configz');
      if (matched.length === 0 && !host.includes('*') && specNs !== '~') {
        b.edge(id, serviceRef(host, sc.namespace), 'allows', 'configz');
      }
    }
  }
  // Reach: with the Istio config known, a workload no Sidecar scopes reaches every service (the
  // default) and says so, so views can summarise instead of drawing an edge to every service;
  // a namespace-level count is in `namespaces`. Without config we cannot tell.
  if (config && !meshDefault) {
    for (const wl of workloads) {
      const id = configIds.workload(wl.namespace, wl.name);
      const node: ConfigGraphNode | undefined = scoped.has(id) ? undefined : b.nodes.get(id);
      if (node) node.reachesAll = true;
    }
  }
  return b.build();
}
