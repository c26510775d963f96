import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import type { HttpRequest } from '../routeRequest';
import { formatDumpTrace } from './formatDumpTrace';
import { traceDump } from './traceDump';

function parse(text: string | Uint8Array): ConfigDump {
  const r = parseConfigDump(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
}

const get = (
  authority: string,
  path: string,
  headers: [string, string][] = [],
  randomValue?: number,
): HttpRequest => ({
  authority,
  path,
  method: 'GET',
  scheme: 'http',
  headers,
  ...(randomValue !== undefined ? { randomValue } : {}),
});

describe('traceDump on the demo mesh (productpage sidecar)', () => {
  const mesh = generateDemoMesh();
  const proxy = mesh.proxies.find((p) => p.app === 'productpage');
  if (!proxy) throw new Error('no productpage proxy in the demo mesh');
  const dump = parse(JSON.stringify(proxy.dump));
  const reviews = mesh.services.find((s) => s.name === 'reviews');

  it('sends end-user jason to reviews v2 through virtualOutbound -> 0.0.0.0_9080 -> route "9080"', () => {
    const t = traceDump(dump, {
      connection: { dstPort: 9080 },
      request: get('reviews:9080', '/reviews/1', [['end-user', 'jason']]),
    });
    expect(t.outcome).toBe('http_route');
    expect(t.clusters.map((c) => c.name)).toEqual([
      'outbound|9080|v2|reviews.bookinfo.svc.cluster.local',
    ]);
    expect(t.listener?.name).toBe('0.0.0.0_9080');
    expect(t.routeConfig?.name).toBe('9080');
    expect(t.steps[0]?.explanation.join(' ')).toMatch(/virtualOutbound/);
    // The short name resolves to the service VIP taken from the virtual host domains.
    expect(t.assumptions.join(' ')).toContain(reviews?.clusterIP ?? 'missing');
    expect(t.clusters[0]?.status).toBe('ok');
    expect(formatDumpTrace(t)).toMatch(/Result \(http_route\)/);
  });

  it('without end-user, splits between v1 and v3 depending on the random value', () => {
    const open = traceDump(dump, {
      connection: { dstPort: 9080 },
      request: get('reviews:9080', '/reviews/1'),
    });
    expect(open.outcome).toBe('conditional');
    expect(open.clusters.map((c) => c.name).sort()).toEqual([
      'outbound|9080|v1|reviews.bookinfo.svc.cluster.local',
      'outbound|9080|v3|reviews.bookinfo.svc.cluster.local',
    ]);
    expect(open.routeTrace?.rejected[0]?.reason).toMatch(/end-user/);
    const w = open.routeTrace?.weighted;
    expect(w?.total).toBeGreaterThan(0);
    const first = w?.branches[0];
    if (!w || !first) throw new Error('no weighted split');
    for (const b of w.branches) {
      const t = traceDump(dump, {
        connection: { dstPort: 9080 },
        request: get('reviews:9080', '/reviews/1', [], b.from + w.total * 7),
      });
      expect(t.outcome).toBe('http_route');
      expect(t.clusters.map((c) => c.name)).toEqual([b.name]);
    }
  });

  it('sends unknown TCP destinations to PassthroughCluster and port 15001 to the blackhole', () => {
    const out = traceDump(dump, {
      connection: { dstIp: '192.0.2.7', dstPort: 5432, appProtocol: 'tcp' },
    });
    expect(out.outcome).toBe('tcp_forward');
    expect(out.listener?.name).toBe('virtualOutbound');
    expect(out.clusters[0]?.name).toBe('PassthroughCluster');
    expect(out.clusters[0]?.status).toBe('original_dst');
    const loop = traceDump(dump, {
      connection: { dstIp: '192.0.2.7', dstPort: 15001, appProtocol: 'tcp' },
    });
    expect(loop.outcome).toBe('tcp_blackhole');
  });

  it('honours --ip over the VIP guess and refuses nothing on a sidecar (catch-all)', () => {
    const t = traceDump(dump, {
      connection: { dstIp: '192.0.2.9', dstPort: 9080 },
      request: get('reviews:9080', '/', [['end-user', 'jason']]),
    });
    expect(t.assumptions.join(' ')).not.toMatch(/service VIP/);
    expect(t.listener?.name).toBe('0.0.0.0_9080');
  });

  it('routes inbound traffic on virtualInbound by destination port', () => {
    const t = traceDump(dump, {
      connection: {
        direction: 'inbound',
        dstIp: proxy.ip,
        dstPort: 9080,
        tls: true,
        alpn: ['istio-http/1.1', 'istio'],
      },
      request: get('productpage:9080', '/productpage'),
    });
    expect(t.listener?.name).toBe('virtualInbound');
    expect(t.filterChain?.match.destinationPort).toBe(9080);
    expect(t.outcome).toBe('http_route');
    expect(t.clusters[0]?.name).toMatch(/^inbound\|9080\|/);
  });
});

describeFixtures('traceDump on real captured dumps', () => {
  const load = (name: string): ConfigDump => parse(readFileSync(fixture('config-dumps', name)));

  it('Istio 1.3 productpage sidecar: VIP listener hand-off, HTTP route, pod-IP blackhole, inbound', () => {
    const d = load('istio13rc-productpage-sidecar-v2alpha.json');
    const dns = traceDump(d, {
      connection: { dstIp: '172.21.0.10', dstPort: 53, appProtocol: 'tcp' },
    });
    expect(dns.listener?.name).toBe('172.21.0.10_53');
    expect(dns.clusters[0]?.name).toBe('outbound|53||kube-dns.kube-system.svc.cluster.local');
    const http = traceDump(d, { connection: { dstPort: 9080 }, request: get('reviews:9080', '/') });
    expect(http.outcome).toBe('http_route');
    expect(http.clusters[0]?.name).toBe('outbound|9080||reviews.default.svc.cluster.local');
    const self = traceDump(d, {
      connection: { dstIp: '172.30.150.216', dstPort: 5555, appProtocol: 'tcp' },
    });
    expect(self.listener?.name).toBe('virtualOutbound');
    expect(self.outcome).toBe('tcp_blackhole');
    expect(self.steps[1]?.explanation.join(' ')).toMatch(/\/32/);
    const inbound = traceDump(d, {
      connection: { direction: 'inbound', dstIp: '172.30.150.216', dstPort: 9080 },
      request: get('productpage:9080', '/productpage'),
    });
    expect(inbound.clusters[0]?.name).toBe(
      'inbound|9080|http|productpage.default.svc.cluster.local',
    );
  });

  it('Istio 1.3 ingress gateway: bound listener on 80, refused on an unbound port', () => {
    const d = load('istio13-ingressgateway-v2alpha.json');
    const t = traceDump(d, {
      connection: { dstPort: 80 },
      request: get('bookinfo.example.com', '/productpage'),
    });
    expect(t.routeConfig?.name).toBe('http.80');
    expect(t.clusters[0]?.name).toBe('outbound|9080|v1|productpage.default.svc.cluster.local');
    expect(traceDump(d, { connection: { dstPort: 8081 }, request: get('x', '/') }).outcome).toBe(
      'refused',
    );
  });

  it('a listeners-only partial dump (no bootstrap) is still traced as a sidecar, up to the missing RDS', () => {
    const d = load('istio-sidecar-v3-listeners-only.yaml');
    const t = traceDump(d, { connection: { dstPort: 9080 }, request: get('reviews:9080', '/') });
    expect(t.listener?.name).toBe('0.0.0.0_9080');
    expect(t.outcome).toBe('unsupported');
    expect(t.summary).toMatch(/no routes section/);
    const dns = traceDump(d, {
      connection: { dstIp: '10.96.0.10', dstPort: 53, appProtocol: 'tcp' },
    });
    expect(dns.listener?.name).toBe('10.96.0.10_53');
    expect(dns.clusters[0]?.name).toBe('outbound|53||kube-dns.kube-system.svc.cluster.local');
  });

  it('plain Envoy 1.37: path_separated_prefix decides between route and 404', () => {
    const d = load('envoy137-plain-gatewayapi-v3.json');
    expect(
      traceDump(d, { connection: { dstPort: 80 }, request: get('www.example.com', '/') }).outcome,
    ).toBe('http_no_route');
    const ok = traceDump(d, {
      connection: { dstPort: 80 },
      request: get('www.example.com', '/get/x'),
    });
    expect(ok.outcome).toBe('http_route');
  });
});
