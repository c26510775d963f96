import { X509Certificate } from 'node:crypto';
import { parseConfigDump, type ConfigDump, type Route } from '@meshlens/configdump';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoMesh } from './generateDemoMesh';
import type { DemoMesh, DemoProxy } from './model';

/** Parses a generated dump the way every Meshlens view reads an uploaded file. */
function parse(proxy: DemoProxy): ConfigDump {
  const result = parseConfigDump(JSON.stringify(proxy.dump), { fileName: proxy.fileName });
  if (!result.ok) throw new Error(`${proxy.fileName}: ${result.error.message}`);
  return result.dump;
}

function routeOf(dump: ConfigDump, routeConfig: string, vhost: string): Route[] {
  const rc = dump.index.routeConfigByName.get(routeConfig);
  const vh = rc?.virtualHosts.find((v) => v.name === vhost);
  if (!vh) throw new Error(`no virtual host ${vhost} in route config ${routeConfig}`);
  return vh.routes;
}

/** PEM certificates of an SDS secret's inline bytes. */
function pems(inlineBytes: string): X509Certificate[] {
  const text = Buffer.from(inlineBytes, 'base64').toString('utf8');
  return (text.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g) ?? []).map(
    (p) => new X509Certificate(p),
  );
}

describe('generateDemoMesh: default Bookinfo', () => {
  let mesh: DemoMesh;
  let dumps: Map<string, ConfigDump>;
  beforeAll(() => {
    mesh = generateDemoMesh();
    dumps = new Map(mesh.proxies.map((p) => [p.podName, parse(p)]));
  });
  const sidecar = (app: string, version = 'v1'): { proxy: DemoProxy; dump: ConfigDump } => {
    const proxy = mesh.proxies.find((p) => p.app === app && p.version === version);
    if (!proxy) throw new Error(`no ${app}-${version} proxy`);
    return { proxy, dump: dumps.get(proxy.podName) as ConfigDump };
  };
  const gateway = (): { proxy: DemoProxy; dump: ConfigDump } => {
    const proxy = mesh.proxies.find((p) => p.proxyType === 'router');
    if (!proxy) throw new Error('no gateway');
    return { proxy, dump: dumps.get(proxy.podName) as ConfigDump };
  };

  it('has the six Bookinfo sidecars and the ingress gateway', () => {
    const names = mesh.proxies.map(
      (p) => `${p.proxyType}:${p.namespace}:${p.app}:${p.version ?? ''}`,
    );
    expect(names).toEqual([
      'sidecar:bookinfo:productpage:v1',
      'sidecar:bookinfo:details:v1',
      'sidecar:bookinfo:reviews:v1',
      'sidecar:bookinfo:reviews:v2',
      'sidecar:bookinfo:reviews:v3',
      'sidecar:bookinfo:ratings:v1',
      'router:istio-system:istio-ingressgateway:',
    ]);
    for (const p of mesh.proxies) {
      expect(p.fileName).toBe(`${p.podName}.${p.namespace}.json`);
      expect(p.podName).toMatch(
        /^[a-z0-9-]+-[bcdfghjklmnpqrstvwxz2456789]{9,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
      );
    }
    expect(new Set(mesh.proxies.map((p) => p.ip)).size).toBe(mesh.proxies.length);
  });

  it('every dump parses as a clean v3 config dump: all sections, no warnings, nothing dangling', () => {
    for (const p of mesh.proxies) {
      const d = dumps.get(p.podName) as ConfigDump;
      expect(d.source.shape, p.fileName).toBe('config-dump');
      expect(d.source.apiVersion, p.fileName).toBe('v3');
      expect(d.sections, p.fileName).toEqual([
        'bootstrap',
        'clusters',
        'endpoints',
        'listeners',
        'routes',
        'scopedRoutes',
        'secrets',
      ]);
      expect(d.warnings, p.fileName).toEqual([]);
      expect(d.index.dangling, p.fileName).toEqual([]);
      expect(d.index.references.length, p.fileName).toBeGreaterThan(20);
    }
  });

  it('reads the node identity and Istio metadata back', () => {
    for (const p of mesh.proxies) {
      const node = (dumps.get(p.podName) as ConfigDump).node;
      expect(node?.proxyType).toBe(p.proxyType);
      expect(node?.podName).toBe(p.podName);
      expect(node?.namespace).toBe(p.namespace);
      expect(node?.ip).toBe(p.ip);
      expect(node?.id).toBe(
        `${p.proxyType}~${p.ip}~${p.podName}.${p.namespace}~${p.namespace}.svc.cluster.local`,
      );
      expect(node?.istioVersion).toMatch(/^1\.2\d\.\d+$/);
      expect(node?.envoyVersion).toMatch(/^1\.3\d\.\d+\//);
      expect(node?.meshId).toBe('cluster.local');
      expect(node?.clusterId).toBe('Kubernetes');
      expect(node?.labels.app).toBe(p.app);
      if (p.version) expect(node?.labels.version).toBe(p.version);
    }
  });

  it('gives a sidecar the listeners, routes and clusters istiod generates', () => {
    const { dump } = sidecar('reviews', 'v2');
    const listeners = dump.listeners.map((l) => l.name).filter((n) => n !== '');
    // 6 services: Bookinfo's 4 on HTTP 9080; istiod HTTP 15010/15014 + TCP 15012/443;
    // ingressgateway HTTP 80 + TCP 15021/443 -> 4 HTTP + 4 TCP outbound listeners.
    expect(listeners).toEqual(
      expect.arrayContaining(['virtualOutbound', 'virtualInbound', '0.0.0.0_9080', '0.0.0.0_80']),
    );
    expect(dump.listeners).toHaveLength(2 + 2 + 4 + 4);
    const virtualOutbound = dump.index.listenerByName.get('virtualOutbound');
    expect(virtualOutbound?.address).toMatchObject({ ip: '0.0.0.0', port: 15001 });
    expect(virtualOutbound?.useOriginalDst).toBe(true);
    const inbound = dump.index.listenerByName.get('virtualInbound');
    expect(inbound?.address).toMatchObject({ ip: '0.0.0.0', port: 15006 });
    const port9080 = inbound?.filterChains.filter((c) => c.match.destinationPort === 9080) ?? [];
    expect(port9080.map((c) => c.match.transportProtocol).sort()).toEqual(['raw_buffer', 'tls']);
    expect(port9080.find((c) => c.match.transportProtocol === 'tls')?.transportSocket).toBe(
      'envoy.transport_sockets.tls',
    );

    const http = dump.index.listenerByName.get('0.0.0.0_9080');
    const hcm = http?.filterChains[0]?.filters[0];
    expect(hcm?.kind === 'http_connection_manager' && hcm.routeSource).toEqual({
      kind: 'rds',
      routeConfigName: '9080',
    });
    const tcp = dump.listeners.filter((l) => /^10\.\d+\.\d+\.\d+_\d+$/.test(l.name));
    expect(tcp).toHaveLength(4);
    for (const l of tcp)
      expect(l.filterChains[0]?.filters.some((f) => f.kind === 'tcp_proxy')).toBe(true);

    const names = new Set(dump.clusters.map((c) => c.name));
    for (const n of [
      'BlackHoleCluster',
      'PassthroughCluster',
      'InboundPassthroughCluster',
      'prometheus_stats',
      'agent',
      'sds-grpc',
      'xds-grpc',
      'zipkin',
      'inbound|9080||',
      'outbound|9080||reviews.bookinfo.svc.cluster.local',
      'outbound|9080|v3|reviews.bookinfo.svc.cluster.local',
      'outbound|15012||istiod.istio-system.svc.cluster.local',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
    // 17 outbound (11 service ports + 6 subsets) + 5 bootstrap + 3 Istio specials + 1 inbound.
    expect(dump.clusters).toHaveLength(26);
  });

  it('routes end-user jason to reviews v2 and splits everyone else 50/50 between v1 and v3', () => {
    const { dump } = sidecar('productpage');
    const routes = routeOf(dump, '9080', 'reviews.bookinfo.svc.cluster.local:9080');
    expect(routes).toHaveLength(2);
    const [jason, rest] = routes;
    expect(jason?.match.headers).toHaveLength(1);
    expect(jason?.match.headers[0]).toMatchObject({
      name: 'end-user',
      invert: false,
      match: { kind: 'string', matcher: { kind: 'exact', value: 'jason', ignoreCase: false } },
    });
    expect(jason?.action).toMatchObject({
      kind: 'cluster',
      cluster: 'outbound|9080|v2|reviews.bookinfo.svc.cluster.local',
    });
    expect(rest?.match.headers).toEqual([]);
    expect(rest?.match.path).toEqual({ kind: 'prefix', value: '/' });
    expect(rest?.action.kind).toBe('weighted_clusters');
    if (rest?.action.kind === 'weighted_clusters') {
      expect(rest.action.clusters.map((c) => [c.name, c.weight])).toEqual([
        ['outbound|9080|v1|reviews.bookinfo.svc.cluster.local', 50],
        ['outbound|9080|v3|reviews.bookinfo.svc.cluster.local', 50],
      ]);
      expect(rest.action.totalWeight).toBe(100);
    }
    for (const r of routes) {
      expect(r.istioConfig).toMatchObject({
        kind: 'VirtualService',
        name: 'reviews',
        namespace: 'bookinfo',
      });
    }
    const domains = dump.index.routeConfigByName
      .get('9080')
      ?.virtualHosts.find((v) => v.name === 'reviews.bookinfo.svc.cluster.local:9080')?.domains;
    const ip = mesh.services.find((s) => s.name === 'reviews')?.clusterIP ?? '?';
    expect(domains).toEqual(
      expect.arrayContaining([
        'reviews',
        'reviews:9080',
        'reviews.bookinfo',
        'reviews.bookinfo.svc.cluster.local',
        ip,
        `${ip}:9080`,
      ]),
    );
    expect(
      dump.index.routeConfigByName.get('9080')?.virtualHosts.some((v) => v.name === 'allow_any'),
    ).toBe(true);
  });

  it('has timeouts and retries on ratings and details, Istio defaults elsewhere', () => {
    const { dump } = sidecar('reviews', 'v1');
    const [ratings] = routeOf(dump, '9080', 'ratings.bookinfo.svc.cluster.local:9080');
    expect(ratings?.action.kind).toBe('cluster');
    if (ratings?.action.kind === 'cluster') {
      expect(ratings.action.cluster).toBe('outbound|9080|v1|ratings.bookinfo.svc.cluster.local');
      expect(ratings.action.options.timeout).toBe('6s');
      expect(ratings.action.options.retryPolicy).toMatchObject({
        numRetries: 3,
        perTryTimeout: '2s',
      });
      expect(ratings.action.options.retryPolicy?.retryOn).toContain('5xx');
    }
    const [details] = routeOf(dump, '9080', 'details.bookinfo.svc.cluster.local:9080');
    expect(details?.action.kind === 'cluster' && details.action.options.timeout).toBe('10s');
    const [istiod] = routeOf(dump, '15014', 'istiod.istio-system.svc.cluster.local:15014');
    expect(istiod?.istioConfig).toBeUndefined();
    expect(istiod?.action.kind === 'cluster' && istiod.action.options.retryPolicy?.numRetries).toBe(
      2,
    );
  });

  it('marks subset clusters with their DestinationRule and uses ISTIO_MUTUAL socket matches', () => {
    const { dump } = sidecar('details');
    const v2 = dump.index.clusterByName.get('outbound|9080|v2|reviews.bookinfo.svc.cluster.local');
    expect(v2?.type).toBe('EDS');
    expect(v2?.istioName).toMatchObject({
      direction: 'outbound',
      port: 9080,
      subset: 'v2',
      host: 'reviews.bookinfo.svc.cluster.local',
    });
    expect(v2?.istioConfig).toMatchObject({
      kind: 'DestinationRule',
      name: 'reviews',
      namespace: 'bookinfo',
      path: '/apis/networking.istio.io/v1/namespaces/bookinfo/destination-rule/reviews',
    });
    expect(v2?.tls?.istioMutual).toBe(true);
    expect(v2?.tls?.sni).toBe('outbound_.9080_.v2_.reviews.bookinfo.svc.cluster.local');
    expect(v2?.tls?.sdsSecrets).toEqual(expect.arrayContaining(['default', 'ROOTCA']));
  });

  it('references only clusters that exist, from every route and TCP proxy', () => {
    for (const [pod, d] of dumps) {
      const targets = d.index.references.filter((r) =>
        ['route_cluster', 'weighted_cluster', 'tcp_cluster'].includes(r.via),
      );
      expect(targets.length, pod).toBeGreaterThan(5);
      for (const r of targets) {
        expect(r.to.kind).toBe('cluster');
        if (r.to.kind === 'cluster')
          expect(d.index.clusterByName.has(r.to.name), `${pod} -> ${r.to.name}`).toBe(true);
      }
    }
  });

  it('gives every EDS cluster endpoints at real pod IPs with locality, health and weight', () => {
    const podIps = new Map(mesh.services.flatMap((s) => s.pods.map((p) => [p.ip, s] as const)));
    for (const [pod, d] of dumps) {
      const eds = d.clusters.filter((c) => c.type === 'EDS');
      expect(eds.length, pod).toBe(17);
      for (const c of eds) {
        const e = d.index.endpointsByCluster.get(c.name);
        expect(e?.endpoints.length, `${pod} ${c.name}`).toBeGreaterThan(0);
        for (const ep of e?.endpoints ?? []) {
          expect(ep.address.kind).toBe('socket');
          if (ep.address.kind !== 'socket') continue;
          const owner = podIps.get(ep.address.ip);
          expect(owner, `${c.name} endpoint ${ep.address.ip}`).toBeDefined();
          expect(c.name.endsWith(`|${owner?.hostname}`)).toBe(true);
          expect(ep.healthStatus).toBe('HEALTHY');
          expect(ep.weight).toBe(1);
          expect(ep.locality?.region).toBe('us-central1');
          expect(ep.locality?.zone).toMatch(/^us-central1-[abc]$/);
        }
      }
    }
    // The subset cluster holds exactly the pod of that version, wherever it is seen from.
    const v3 = mesh.proxies.find((p) => p.app === 'reviews' && p.version === 'v3');
    const seen = dumps
      .get(gateway().proxy.podName)
      ?.index.endpointsByCluster.get('outbound|9080|v3|reviews.bookinfo.svc.cluster.local');
    expect(seen?.endpoints.map((e) => (e.address.kind === 'socket' ? e.address.ip : ''))).toEqual([
      v3?.ip,
    ]);
    // The ingress gateway service maps port 80 to the pod's 8080.
    const gw = dumps
      .get(gateway().proxy.podName)
      ?.index.endpointsByCluster.get(
        'outbound|80||istio-ingressgateway.istio-system.svc.cluster.local',
      );
    expect(gw?.endpoints[0]?.address).toMatchObject({ ip: gateway().proxy.ip, port: 8080 });
  });

  it('issues real X.509 certificates: per-pod SPIFFE identity, shared root, valid around `now`', () => {
    const now = Date.parse(mesh.now);
    const roots = new Set<string>();
    for (const p of mesh.proxies) {
      const raw = p.dump.configs as {
        dynamic_active_secrets?: { name: string; secret: Record<string, unknown> }[];
      }[];
      const secrets = raw.find((c) => c.dynamic_active_secrets)?.dynamic_active_secrets ?? [];
      const def = secrets.find((s) => s.name === 'default')?.secret as {
        tls_certificate: { certificate_chain: { inline_bytes: string } };
      };
      const ca = secrets.find((s) => s.name === 'ROOTCA')?.secret as {
        validation_context: { trusted_ca: { inline_bytes: string } };
      };
      const [leaf, chainRoot] = pems(def.tls_certificate.certificate_chain.inline_bytes);
      const [root] = pems(ca.validation_context.trusted_ca.inline_bytes);
      if (!leaf || !chainRoot || !root) throw new Error(`${p.podName}: missing certificates`);
      const sa =
        p.proxyType === 'router' ? 'istio-ingressgateway-service-account' : `bookinfo-${p.app}`;
      expect(leaf.subjectAltName).toBe(`URI:spiffe://cluster.local/ns/${p.namespace}/sa/${sa}`);
      expect(leaf.ca).toBe(false);
      expect(root.ca).toBe(true);
      expect(leaf.issuer).toBe('O=cluster.local');
      expect(root.subject).toBe('O=cluster.local');
      expect(chainRoot.fingerprint256).toBe(root.fingerprint256);
      expect(leaf.checkIssued(root)).toBe(true);
      expect(Date.parse(leaf.validFrom)).toBe(now - 3_600_000);
      expect(Date.parse(leaf.validTo)).toBe(now + 24 * 3_600_000);
      const rootFrom = new Date(root.validFrom);
      expect(rootFrom.getTime()).toBe(now - 3_600_000);
      rootFrom.setUTCFullYear(rootFrom.getUTCFullYear() + 10);
      expect(Date.parse(root.validTo)).toBe(rootFrom.getTime());
      roots.add(root.serialNumber);
      // The parser reads the same facts (what `proxy-config secret` shows).
      const parsed = dumps.get(p.podName)?.secrets.find((s) => s.name === 'default');
      expect(parsed?.kind).toBe('cert_chain');
      expect(parsed?.certificates[0]?.serialNumber?.toUpperCase()).toBe(
        leaf.serialNumber.toUpperCase(),
      );
      expect(parsed?.certificates[0]?.subjectAltNames).toEqual([
        `spiffe://cluster.local/ns/${p.namespace}/sa/${sa}`,
      ]);
    }
    expect(roots.size).toBe(1);
  });

  it('gives the ingress gateway listener 0.0.0.0_8080 -> http.8080 routing Bookinfo paths to productpage', () => {
    const { dump } = gateway();
    expect(dump.listeners.map((l) => l.name).filter((n) => n !== '')).toEqual(['0.0.0.0_8080']);
    const hcm = dump.index.listenerByName.get('0.0.0.0_8080')?.filterChains[0]?.filters[0];
    expect(hcm?.kind === 'http_connection_manager' && hcm.routeSource).toEqual({
      kind: 'rds',
      routeConfigName: 'http.8080',
    });
    const routes = routeOf(dump, 'http.8080', '*:80');
    expect(routes.map((r) => r.match.path)).toEqual([
      { kind: 'path', value: '/productpage' },
      { kind: 'prefix', value: '/static' },
      { kind: 'path', value: '/login' },
      { kind: 'path', value: '/logout' },
      { kind: 'prefix', value: '/api/v1/products' },
    ]);
    for (const r of routes) {
      expect(r.action).toMatchObject({
        kind: 'cluster',
        cluster: 'outbound|9080||productpage.bookinfo.svc.cluster.local',
      });
      expect(r.istioConfig).toMatchObject({
        kind: 'VirtualService',
        name: 'bookinfo',
        namespace: 'bookinfo',
      });
    }
    expect(dump.clusters.some((c) => c.name === 'PassthroughCluster')).toBe(false);
    expect(dump.clusters).toHaveLength(23);
  });
});
