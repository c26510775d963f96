import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { generateDemoMesh } from './generateDemoMesh';
import type { DemoProxy } from './model';

function parse(proxy: DemoProxy | undefined): ConfigDump {
  if (!proxy) throw new Error('no proxy');
  const result = parseConfigDump(JSON.stringify(proxy.dump));
  if (!result.ok) throw new Error(result.error.message);
  return result.dump;
}

describe('inbound side of a sidecar', () => {
  const mesh = generateDemoMesh();
  const ratings = mesh.proxies.find((p) => p.app === 'ratings');

  it('routes inbound|9080|| to the local app through an ORIGINAL_DST cluster bound to 127.0.0.6', () => {
    const dump = parse(ratings);
    const rc = dump.index.routeConfigByName.get('inbound|9080||');
    expect(rc?.virtualHosts.map((v) => v.name)).toEqual(['inbound|http|9080']);
    const route = rc?.virtualHosts[0]?.routes[0];
    expect(route?.action).toMatchObject({ kind: 'cluster', cluster: 'inbound|9080||' });
    expect(route?.decorator).toBe('ratings.bookinfo.svc.cluster.local:9080/*');
    const cluster = dump.index.clusterByName.get('inbound|9080||');
    expect(cluster?.type).toBe('ORIGINAL_DST');
    expect((cluster?.raw as { upstream_bind_config?: unknown }).upstream_bind_config).toEqual({
      source_address: { address: '127.0.0.6', port_value: 0 },
    });
    // The inline copy in virtualInbound is the one Envoy uses: both chains of port 9080 carry it.
    const chains = dump.index.listenerByName
      .get('virtualInbound')
      ?.filterChains.filter((c) => c.match.destinationPort === 9080);
    expect(chains).toHaveLength(2);
    for (const chain of chains ?? []) {
      const hcm = chain.filters.find((f) => f.kind === 'http_connection_manager');
      expect(hcm?.kind === 'http_connection_manager' && hcm.routeSource.kind).toBe('inline');
    }
  });

  it('has no inbound clusters on the gateway', () => {
    const dump = parse(mesh.proxies.find((p) => p.proxyType === 'router'));
    expect(dump.clusters.filter((c) => c.name.startsWith('inbound'))).toEqual([]);
  });
});

describe('DestinationRule traffic policies', () => {
  it('turns the ratings connection pool and outlier detection into Envoy circuit breakers', () => {
    const mesh = generateDemoMesh();
    const dump = parse(mesh.proxies[0]);
    for (const name of [
      'outbound|9080||ratings.bookinfo.svc.cluster.local',
      'outbound|9080|v1|ratings.bookinfo.svc.cluster.local',
    ]) {
      const c = dump.index.clusterByName.get(name);
      expect(c?.circuitBreakers[0]).toMatchObject({
        priority: 'DEFAULT',
        maxConnections: 100,
        maxPendingRequests: 10,
        maxRetries: 3,
      });
      expect(c?.outlierDetection).toMatchObject({
        consecutive_5xx: 5,
        interval: '10s',
        base_ejection_time: '30s',
        max_ejection_percent: 50,
      });
    }
    const reviews = dump.index.clusterByName.get(
      'outbound|9080||reviews.bookinfo.svc.cluster.local',
    );
    expect(reviews?.outlierDetection).toBeUndefined();
    expect(reviews?.circuitBreakers[0]?.maxConnections).toBe(4294967295);
  });

  it('gives some generated services circuit breaking, deterministically', () => {
    const a = generateDemoMesh({ services: 104 });
    const withPolicy = a.destinationRules.filter(
      (dr) => dr.trafficPolicy && dr.name.startsWith('svc-'),
    );
    expect(withPolicy.length).toBeGreaterThan(5);
    expect(withPolicy.length).toBeLessThan(50);
    const b = generateDemoMesh({ services: 104 });
    expect(b.destinationRules).toEqual(a.destinationRules);
    const dump = parse(a.proxies[0]);
    const sample = withPolicy[0];
    const cluster = dump.clusters.find(
      (c) => c.istioConfig?.name === sample?.name && c.istioName?.subset === '',
    );
    expect(cluster?.outlierDetection).toMatchObject({
      consecutive_5xx: sample?.trafficPolicy?.outlierDetection?.consecutive5xxErrors,
    });
  });
});
