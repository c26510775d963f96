// What proxies say about the topology (from their summarised dumps): the workload of each proxy,
// the services its outbound clusters can reach (what Sidecar scoping left), which workloads back
// each service (EDS endpoint IPs), and the VirtualService routes actually programmed.
import { configIds, namespaceOfHost, type ConfigGraphBuilder } from './configGraphBuilder';
import type { ClusterTarget, ProxySummary } from './proxySummary';
import type { ProxyWorkload } from './proxyWorkload';

/** The node (service or subset) an Istio outbound cluster stands for. */
export function clusterTarget(b: ConfigGraphBuilder, t: ClusterTarget): string {
  const ns = namespaceOfHost(t.host, '');
  const svc = configIds.service(t.host);
  b.node(
    { id: svc, kind: 'service', name: t.host.split('.')[0] ?? t.host, namespace: ns, host: t.host },
    'proxy',
  );
  if (!t.subset) return svc;
  const id = configIds.subset(t.host, t.subset);
  b.node(
    { id, kind: 'subset', name: t.subset, namespace: ns, host: t.host, subset: t.subset },
    'proxy',
  );
  b.edge(id, svc, 'subsetOf', 'proxy');
  return id;
}

/** Adds a workload node (from a proxy summary or the proxy list). */
export function addWorkload(b: ConfigGraphBuilder, wl: ProxyWorkload): string {
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
      ...(wl.labelsInferred ? { labelsInferred: true } : {}),
      proxyType: wl.proxyType,
    },
    wl.labelsInferred ? 'proxyList' : 'proxy',
  );
  return id;
}

/** Adds the workloads and what their proxies programmed; returns the workloads. */
export function addProxySummaries(
  b: ConfigGraphBuilder,
  summaries: readonly ProxySummary[],
): ProxyWorkload[] {
  const byIp = new Map<string, string>();
  const ids = summaries.map((s) => {
    const id = addWorkload(b, s.workload);
    if (s.workload.ip) byIp.set(s.workload.ip, id);
    return id;
  });
  summaries.forEach((s, i) => {
    const id = ids[i] ?? '';
    const origin = `proxy:${s.workload.proxyName}`;
    for (const c of s.clusters) {
      clusterTarget(b, c);
      b.edge(
        id,
        configIds.service(c.host),
        'reaches',
        origin,
        c.port !== undefined ? { ports: [c.port] } : {},
      );
    }
    for (const e of s.endpoints) {
      const t = clusterTarget(b, e);
      for (const ip of e.ips) {
        const backing = byIp.get(ip);
        if (backing) b.edge(t, backing, 'selects', origin);
      }
    }
    for (const r of s.routes) {
      const vs = configIds.virtualService(r.virtualService.namespace, r.virtualService.name);
      b.node(
        {
          id: vs,
          kind: 'virtualService',
          name: r.virtualService.name,
          namespace: r.virtualService.namespace,
        },
        'proxy',
      );
      if (s.workload.proxyType === 'router') b.edge(id, vs, 'binds', origin);
      const route = r.route ? { route: r.route } : {};
      for (const t of r.targets) {
        b.edge(vs, clusterTarget(b, t), 'routes', origin, {
          weight: t.weight,
          protocol: 'http',
          ...route,
        });
      }
    }
  });
  return summaries.map((s) => s.workload);
}
