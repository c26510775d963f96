// What proxy dumps say about the topology: the workload of each proxy, the services its outbound
// clusters can reach (what Sidecar scoping left), which workloads back each service (EDS endpoint
// IPs), and the VirtualService routes actually programmed (route metadata + weighted clusters).
import type { ConfigDump, IstioClusterName } from '@meshlens/configdump';
import { configIds, namespaceOfHost, type ConfigGraphBuilder } from './configGraphBuilder';
import { proxyWorkload, type ProxyWorkload } from './proxyWorkload';

/** The node (service or subset) an Istio outbound cluster stands for; undefined for other clusters. */
export function clusterTarget(
  b: ConfigGraphBuilder,
  n: IstioClusterName | undefined,
): string | undefined {
  if (!n || n.direction !== 'outbound' || !n.host) return undefined;
  const ns = namespaceOfHost(n.host, '');
  const svc = configIds.service(n.host);
  b.node(
    { id: svc, kind: 'service', name: n.host.split('.')[0] ?? n.host, namespace: ns, host: n.host },
    'proxy',
  );
  if (!n.subset) return svc;
  const id = configIds.subset(n.host, n.subset);
  b.node(
    { id, kind: 'subset', name: n.subset, namespace: ns, host: n.host, subset: n.subset },
    'proxy',
  );
  b.edge(id, svc, 'subsetOf', 'proxy');
  return id;
}

/** Adds the workloads of the dumps and returns them (by proxy) for selector matching. */
export function addProxyDumps(
  b: ConfigGraphBuilder,
  dumps: readonly ConfigDump[],
): ProxyWorkload[] {
  const workloads: ProxyWorkload[] = [];
  const byIp = new Map<string, string>();
  const perDump: { dump: ConfigDump; wl: ProxyWorkload; id: string }[] = [];
  for (const dump of dumps) {
    const wl = proxyWorkload(dump);
    if (!wl) continue;
    const id = configIds.workload(wl.namespace, wl.name);
    b.node(
      {
        id,
        kind: 'workload',
        name: wl.name,
        namespace: wl.namespace,
        labels: wl.labels,
        ...(wl.app ? { app: wl.app } : {}),
        ...(wl.version ? { version: wl.version } : {}),
        proxyType: wl.proxyType,
      },
      'proxy',
    );
    if (wl.ip) byIp.set(wl.ip, id);
    workloads.push(wl);
    perDump.push({ dump, wl, id });
  }

  for (const { dump, wl, id } of perDump) {
    const origin = `proxy:${wl.proxyName}`;
    for (const c of dump.clusters) {
      const n = c.istioName;
      const target = clusterTarget(b, n);
      if (!target || !n) continue;
      const svc = configIds.service(n.host);
      b.edge(id, svc, 'reaches', origin, n.port !== undefined ? { ports: [n.port] } : {});
    }
    for (const ce of dump.endpoints) {
      const target = clusterTarget(b, dump.index.clusterByName.get(ce.clusterName)?.istioName);
      if (!target) continue;
      for (const e of ce.endpoints) {
        const backing = e.address.kind === 'socket' ? byIp.get(e.address.ip) : undefined;
        if (backing) b.edge(target, backing, 'selects', origin);
      }
    }
    for (const rc of dump.routeConfigs) {
      for (const vh of rc.virtualHosts) {
        for (const r of vh.routes) {
          const ref = r.istioConfig;
          if (!ref || ref.kind !== 'VirtualService') continue;
          const vs = configIds.virtualService(ref.namespace, ref.name);
          b.node(
            { id: vs, kind: 'virtualService', name: ref.name, namespace: ref.namespace },
            'proxy',
          );
          if (wl.proxyType === 'router') b.edge(id, vs, 'binds', origin);
          const route = r.name ? { route: r.name } : {};
          const a = r.action;
          if (a.kind === 'cluster') {
            const t = clusterTarget(b, dump.index.clusterByName.get(a.cluster)?.istioName);
            if (t) b.edge(vs, t, 'routes', origin, { weight: 100, protocol: 'http', ...route });
          } else if (a.kind === 'weighted_clusters') {
            for (const wc of a.clusters) {
              const t = clusterTarget(b, dump.index.clusterByName.get(wc.name)?.istioName);
              const weight =
                a.totalWeight > 0 ? Math.round((wc.weight / a.totalWeight) * 10000) / 100 : 0;
              if (t) b.edge(vs, t, 'routes', origin, { weight, protocol: 'http', ...route });
            }
          }
        }
      }
    }
  }
  return workloads;
}
