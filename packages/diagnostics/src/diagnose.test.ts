import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump, type JsonObject } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../tests/conformance/fixtures';
import { diagnose } from './diagnose';

type Json = JsonObject & Record<string, never>;

function parse(doc: unknown): ConfigDump {
  const r = parseConfigDump(JSON.stringify(doc));
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
}

function section(doc: { configs: Json[] }, suffix: string): Json {
  const s = doc.configs.find((c) => String(c['@type']).endsWith(suffix));
  if (!s) throw new Error(`no ${suffix}`);
  return s;
}

describeFixtures('diagnose on a seeded real dump (Istio 1.3 productpage sidecar)', () => {
  const text = readFileSync(
    fixture('config-dumps', 'istio13rc-productpage-sidecar-v2alpha.json'),
    'utf8',
  );

  it('the untouched dump is clean, the seeded one reports exactly the shadowed route and the dangling cluster', () => {
    expect(diagnose(parse(JSON.parse(text)), { now: new Date('2019-09-01T00:00:00Z') })).toEqual(
      [],
    );

    const doc = JSON.parse(text) as { configs: Json[] };
    const routes = section(doc, '.RoutesConfigDump');
    const rc = (routes.dynamic_route_configs as unknown as { route_config: Json }[]).find(
      (r) => r.route_config.name === '9080',
    )?.route_config;
    const vhosts = rc?.virtual_hosts as unknown as
      { name: string; routes: unknown[] }[] | undefined;
    const reviews = vhosts?.find((v) => v.name.startsWith('reviews.'));
    const details = vhosts?.find((v) => v.name.startsWith('details.'));
    if (!reviews || !details)
      throw new Error('fixture changed: no reviews/details vhosts in route config 9080');
    // A catch-all in front of the existing route shadows it; a header-guarded route to a cluster
    // that does not exist is a dangling reference (and shadows nothing).
    reviews.routes.unshift({
      match: { prefix: '/' },
      route: { cluster: 'outbound|9080||reviews.default.svc.cluster.local' },
    });
    details.routes.unshift({
      match: { prefix: '/', headers: [{ name: 'x-ghost', exact_match: '1' }] },
      route: { cluster: 'outbound|9080||ghost.default.svc.cluster.local' },
    });

    const found = diagnose(parse(doc), { now: new Date('2019-09-01T00:00:00Z') });
    expect(found.map((d) => [d.severity, d.code, d.ref])).toEqual([
      [
        'error',
        'dangling_reference',
        { kind: 'route', routeConfig: '9080', virtualHost: details.name, index: 0 },
      ],
      [
        'warning',
        'shadowed_route',
        { kind: 'route', routeConfig: '9080', virtualHost: reviews.name, index: 1 },
      ],
    ]);
    expect(found[0]?.message).toContain('ghost.default.svc.cluster.local');
    expect(found[1]?.message).toMatch(/can never match: earlier route #0/);
  });
});

describe('diagnose on an edited demo-mesh dump', () => {
  const mesh = generateDemoMesh();
  const proxy = mesh.proxies.find((p) => p.app === 'productpage');
  if (!proxy) throw new Error('no productpage proxy');
  const now = new Date(mesh.now);
  const fresh = (): { configs: Json[] } =>
    JSON.parse(JSON.stringify(proxy.dump)) as { configs: Json[] };

  it('is clean as generated', () => {
    expect(diagnose(parse(fresh()), { now })).toEqual([]);
  });

  it('reports a cluster whose endpoints are all unhealthy, and one with none', () => {
    const doc = fresh();
    const eds = section(doc, '.EndpointsConfigDump').dynamic_endpoint_configs as unknown as {
      endpoint_config: {
        cluster_name: string;
        endpoints: { lb_endpoints: { health_status: string }[] }[];
      };
    }[];
    const v1 = eds.find(
      (e) =>
        e.endpoint_config.cluster_name === 'outbound|9080|v1|reviews.bookinfo.svc.cluster.local',
    );
    const v3 = eds.find(
      (e) =>
        e.endpoint_config.cluster_name === 'outbound|9080|v3|reviews.bookinfo.svc.cluster.local',
    );
    if (!v1 || !v3) throw new Error('demo mesh changed');
    for (const g of v1.endpoint_config.endpoints)
      for (const e of g.lb_endpoints) e.health_status = 'UNHEALTHY';
    v3.endpoint_config.endpoints = [];
    const found = diagnose(parse(doc), { now });
    expect(found.map((d) => [d.code, d.ref])).toEqual([
      [
        'no_healthy_endpoints',
        { kind: 'cluster', name: 'outbound|9080|v1|reviews.bookinfo.svc.cluster.local' },
      ],
      [
        'no_endpoints',
        { kind: 'cluster', name: 'outbound|9080|v3|reviews.bookinfo.svc.cluster.local' },
      ],
    ]);
  });

  it('reports expired and soon-expiring certificates relative to "now"', () => {
    const dump = parse(fresh());
    const later = diagnose(dump, { now: new Date(now.getTime() + 400 * 24 * 3600 * 1000) });
    expect(later.some((d) => d.code === 'certificate_expired' && d.severity === 'error')).toBe(
      true,
    );
    const halfLife = diagnose(dump, { now: new Date(now.getTime() + 20 * 3600 * 1000) });
    expect(
      halfLife.filter((d) => d.code === 'certificate_expiring').map((d) => d.ref),
    ).toContainEqual({ kind: 'secret', name: 'default' });
  });

  it('reports warming listeners, duplicate domains and routes to BlackHoleCluster', () => {
    const doc = fresh();
    const listeners = section(doc, '.ListenersConfigDump').dynamic_listeners as unknown as {
      name: string;
      active_state?: unknown;
      warming_state?: unknown;
    }[];
    const l = listeners.find((x) => x.name === '0.0.0.0_9080');
    if (!l) throw new Error('demo mesh changed');
    l.warming_state = l.active_state;
    delete l.active_state;
    const rcs = section(doc, '.RoutesConfigDump').dynamic_route_configs as unknown as {
      route_config: {
        name: string;
        virtual_hosts: { name: string; domains: string[]; routes: unknown[] }[];
      };
    }[];
    const vhs = rcs.find((r) => r.route_config.name === '9080')?.route_config.virtual_hosts ?? [];
    const [first, second] = vhs;
    if (!first || !second) throw new Error('demo mesh changed');
    second.domains.push(first.domains[0] ?? '');
    second.routes.unshift({
      match: { prefix: '/blocked' },
      route: { cluster: 'BlackHoleCluster' },
    });
    const found = diagnose(parse(doc), { now });
    // Errors first: a duplicate domain makes Envoy reject the route configuration.
    expect(found.map((d) => [d.severity, d.code])).toEqual([
      ['error', 'duplicate_domain'],
      ['warning', 'resource_not_active'],
      ['warning', 'blackhole_traffic'],
    ]);
    expect(found[1]?.ref).toEqual({ kind: 'listener', name: '0.0.0.0_9080' });
  });
});
