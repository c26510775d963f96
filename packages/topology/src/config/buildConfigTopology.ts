// The topology the configuration allows, with no traffic: istiod's registry (services,
// ServiceEntries), its config (Gateways, VirtualServices, DestinationRules, Sidecars) and whatever
// proxy dumps are available (workloads, reachable services, programmed routes).
import type { ConfigDump } from '@meshlens/configdump';
import { addProxyDumps } from './addProxyDumps';
import type { ConfigGraph } from './configGraph';
import { ConfigGraphBuilder, configIds, namespaceOfHost } from './configGraphBuilder';
import { egressHostAllows, labelsMatch, resolveHost } from './istioHost';
import type { RegistryService } from '@meshlens/istiod';
import type { IstioConfigSet } from './readIstioConfig';

/** Inputs of the config topology; each is optional. */
export interface ConfigTopologyInput {
  /** istiod `/debug/registryz` services (`parseRegistryz` of @meshlens/istiod). */
  registry?: readonly RegistryService[];
  /** istiod `/debug/configz` objects (`readIstioConfig(parseConfigz(...))`). */
  config?: IstioConfigSet;
  /** Parsed proxy config dumps. */
  dumps?: readonly ConfigDump[];
  /** Kubernetes DNS suffix for short names (default `cluster.local`). */
  domainSuffix?: string;
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
  const workloads = addProxyDumps(b, input.dumps ?? []);

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
      for (const wl of workloads) {
        if (
          wl.namespace === namespaceOfHost(host, dr.namespace) &&
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
    for (const wl of workloads) {
      if (wl.namespace === sc.namespace && labelsMatch(sc.selector ?? {}, wl.labels)) {
        b.edge(id, configIds.workload(wl.namespace, wl.name), 'applies', 'configz');
      }
    }
    const services = [...b.nodes.values()].filter((n) => n.kind === 'service' && n.host);
    for (const spec of sc.egressHosts) {
      const matched = services.filter((s) =>
        egressHostAllows(spec, sc.namespace, s.host ?? '', s.namespace),
      );
      for (const s of matched) b.edge(id, s.id, 'allows', 'configz');
      const slash = spec.indexOf('/');
      const host = slash < 0 ? spec : spec.slice(slash + 1);
      if (matched.length === 0 && !host.includes('*')) {
        b.edge(id, serviceRef(host, sc.namespace), 'allows', 'configz');
      }
    }
  }
  return b.build();
}
