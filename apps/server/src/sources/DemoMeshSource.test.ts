import { parseConfigDump } from '@meshlens/configdump';
import { diffConfigDumps } from '@meshlens/istiod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoMeshSource } from './DemoMeshSource';
import { httpGet } from './httpGet';

/** Parses Prometheus text into `name{labels}` -> value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

function find(map: Map<string, number>, name: string, ...labels: string[]): [string, number][] {
  return [...map].filter(([k]) => k.startsWith(`${name}{`) && labels.every((l) => k.includes(l)));
}

describe('DemoMeshSource (simulator on loopback, read through the real HTTP clients)', () => {
  let now = 1_000_000;
  let source: DemoMeshSource;
  beforeAll(async () => {
    source = await DemoMeshSource.start({ clock: () => now, timeoutMs: 5000 });
  });
  afterAll(() => source.close());

  it('lists every proxy from syncz, one of them STALE', async () => {
    const list = await source.listProxies();
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const { proxies } = list.value;
    expect(proxies).toHaveLength(source.simulator.proxies.length);
    expect(proxies.map((p) => p.id).sort()).toEqual(
      source.simulator.proxies.map((p) => p.id).sort(),
    );
    const stale = proxies.filter((p) =>
      Object.values(p.sync ?? {}).some((s) => s.startsWith('STALE')),
    );
    expect(stale.map((p) => p.name)).toEqual([expect.stringMatching(/^reviews-v2-/)]);
    expect(stale[0]?.sync).toMatchObject({
      CDS: 'STALE',
      LDS: 'STALE',
      EDS: 'SYNCED',
      RDS: 'SYNCED',
      ECDS: 'NOT SENT',
    });
    const gateway = proxies.find((p) => p.namespace === 'istio-system');
    expect(gateway?.type).toBe('router');
    expect(new Set(proxies.map((p) => p.istiod))).toEqual(new Set([source.simulator.istiodName]));
    expect(proxies.every((p) => p.istioVersion === '1.24.2' && p.clusterId === 'Kubernetes')).toBe(
      true,
    );
  });

  it('serves each proxy its own config dump over its admin port', async () => {
    const id = source.simulator.proxies.find((p) => p.id.startsWith('productpage-'))!.id;
    const dump = await source.getConfigDump(id);
    expect(dump.ok).toBe(true);
    if (!dump.ok) return;
    expect(`${dump.value.dump.node?.podName}.${dump.value.dump.node?.namespace}`).toBe(id);
    expect(dump.value.dump.clusters.length).toBeGreaterThan(5);
  });

  it("shows a sync diff only for the stale proxy: istiod's newer connect_timeout on one cluster", async () => {
    for (const { id } of source.simulator.proxies) {
      const [envoy, istiod] = await Promise.all([
        source.getConfigDump(id),
        source.getIstiodConfigDump(id),
      ]);
      if (!envoy.ok || !istiod.ok) throw new Error(`fetch failed for ${id}`);
      const diff = diffConfigDumps(istiod.value.dump, envoy.value.dump);
      const changed = diff.entries.filter((e) => e.status !== 'same');
      if (id.startsWith('reviews-v2-')) {
        expect(changed).toHaveLength(1);
        expect(changed[0]).toMatchObject({
          kind: 'cluster',
          status: 'different',
          changedPaths: ['connectTimeout'],
        });
      } else expect(changed).toEqual([]);
    }
  });

  it('serves /clusters?format=json whose hosts match the EDS endpoints of the dump', async () => {
    const id = source.simulator.proxies.find((p) => p.id.startsWith('productpage-'))!.id;
    const [statuses, dump] = await Promise.all([
      source.getClusterStatuses(id),
      source.getConfigDump(id),
    ]);
    if (!statuses.ok || !dump.ok) throw new Error('fetch failed');
    const parsed = parseConfigDump(JSON.stringify(statuses.value));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const details = dump.value.dump.endpoints.find((e) => e.clusterName.includes('|details.'));
    expect(details).toBeDefined();
    const fromAdmin = parsed.dump.endpoints.find((e) => e.clusterName === details!.clusterName);
    expect(fromAdmin?.endpoints.map((e) => e.address)).toEqual(
      details!.endpoints.map((e) => e.address),
    );
  });

  it('answers an unknown proxy id with a not_found error, not an exception', async () => {
    const r = await source.getIstiodConfigDump('nope-1.default');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('not_found');
  });

  it('grows the Istio counters with the clock, with 5xx and histogram series', async () => {
    const get = async (): Promise<Map<string, number>> => {
      const r = await httpGet(source.simulator.metricsUrl);
      if (!r.ok) throw new Error(r.error.message);
      return samples(r.value.body);
    };
    const before = await get();
    now += 10_000;
    const after = await get();
    const edge = [
      'reporter="destination"',
      'source_workload="productpage-v1"',
      'destination_service_name="details"',
      'response_code="200"',
    ];
    const [[key, v0]] = find(before, 'istio_requests_total', ...edge) as [[string, number]];
    const v1 = after.get(key)!;
    // 10 rps, 99% of them 200: 10 s more traffic adds 99 requests (+-1 for flooring).
    expect(Math.abs(v1 - v0 - 99)).toBeLessThanOrEqual(1);
    expect(
      find(
        after,
        'istio_requests_total',
        'response_code="503"',
        'destination_service_name="ratings"',
      ),
    ).not.toEqual([]);
    const inf = find(
      after,
      'istio_request_duration_milliseconds_bucket',
      ...edge,
      'le="+Inf"',
    )[0]![1];
    const count = find(after, 'istio_request_duration_milliseconds_count', ...edge)[0]![1];
    expect(inf).toBe(v1);
    expect(count).toBe(v1);
    for (const label of [
      'source_principal="spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage"',
      'connection_security_policy="mutual_tls"',
      'destination_version="v1"',
    ]) {
      expect(key).toContain(label);
    }
  });

  it("serves on each proxy's /stats/prometheus only the series that proxy reports", async () => {
    const ratings = source.simulator.proxies.find((p) => p.id.startsWith('ratings-'))!;
    const r = await httpGet(`${ratings.adminUrl}/stats/prometheus`);
    if (!r.ok) throw new Error(r.error.message);
    const series = find(samples(r.value.body), 'istio_requests_total');
    expect(series.length).toBeGreaterThan(0);
    expect(
      series.every(
        ([k]) => k.includes('reporter="destination"') && k.includes('destination_app="ratings"'),
      ),
    ).toBe(true);
  });
});
