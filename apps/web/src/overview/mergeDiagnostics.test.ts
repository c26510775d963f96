import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { diagnose, type Diagnostic } from '@meshlens/diagnostics';
import { buildProxyGraph } from '@meshlens/proxy-graph';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { collectWarnings, type DumpWarning } from './collectWarnings';
import { mergeDiagnostics } from './mergeDiagnostics';

interface RouteDoc {
  match: unknown;
  route: { cluster: string };
}
interface DumpDoc {
  configs: {
    '@type': string;
    dynamic_route_configs?: {
      route_config: { name: string; virtual_hosts: { name: string; routes: RouteDoc[] }[] };
    }[];
  }[];
}

function parse(doc: unknown): ConfigDump {
  const r = parseConfigDump(JSON.stringify(doc));
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
}

describeFixtures('warnings panel on a seeded real dump (Istio 1.3 productpage sidecar)', () => {
  const now = new Date('2019-09-01T00:00:00Z');
  const doc = JSON.parse(
    readFileSync(fixture('config-dumps', 'istio13rc-productpage-sidecar-v2alpha.json'), 'utf8'),
  ) as DumpDoc;
  const rc = doc.configs
    .flatMap((c) => c.dynamic_route_configs ?? [])
    .find((r) => r.route_config.name === '9080')?.route_config;
  const reviews = rc?.virtual_hosts.find((v) => v.name.startsWith('reviews.'));
  const details = rc?.virtual_hosts.find((v) => v.name.startsWith('details.'));
  if (!reviews || !details) throw new Error('fixture changed: no reviews/details in "9080"');
  // A catch-all in front of reviews' route shadows it; a route to a missing cluster dangles.
  reviews.routes.unshift({
    match: { prefix: '/' },
    route: { cluster: 'outbound|9080||reviews.default.svc.cluster.local' },
  });
  details.routes.unshift({
    match: { prefix: '/', headers: [{ name: 'x-ghost', exact_match: '1' }] },
    route: { cluster: 'outbound|9080||ghost.default.svc.cluster.local' },
  });
  const dump = parse(doc);

  it('lists the shadowed route and the dangling cluster once each, linked to drawn nodes', () => {
    const own = collectWarnings(dump, now.getTime());
    expect(own.filter((w) => w.category === 'dangling')).toHaveLength(1);
    const list = mergeDiagnostics(own, diagnose(dump, { now }));
    const dangling = list.filter((w) => w.category === 'dangling');
    expect(dangling).toHaveLength(1);
    expect(dangling[0]?.severity).toBe('error');
    expect(dangling[0]?.message).toMatch(/^Route 9080 .*ghost\.default\.svc\.cluster\.local.*\.$/);
    const shadowed = list.filter((w) => w.category === 'shadowed_route');
    expect(shadowed).toHaveLength(1);
    expect(shadowed[0]?.nodeId).toBe(`route:9080/${reviews.name}/1`);

    const drawn = new Set(
      buildProxyGraph(dump, { aggregateThreshold: Number.POSITIVE_INFINITY }).nodes.map(
        (n) => n.id,
      ),
    );
    for (const w of [...dangling, ...shadowed]) expect(drawn).toContain(w.nodeId);
    expect(list.map((w) => w.severity)).toEqual(
      [...list.map((w) => w.severity)].sort(
        (a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b),
      ),
    );
  });
});

describe('mergeDiagnostics', () => {
  const notYetValid: DumpWarning = {
    severity: 'warning',
    category: 'certificate',
    topic: 'cert-not-yet-valid',
    message: 'Certificate in secret default is not valid before 2030-01-01.',
    nodeId: 'secret:default',
  };
  const parser: DumpWarning = {
    severity: 'info',
    category: 'parser',
    topic: 'parser',
    message: 'Unknown filter type x.',
  };
  const expiring: Diagnostic = {
    code: 'certificate_expiring',
    severity: 'warning',
    message: 'secret default: spiffe://a expires on 2030-01-02 (in 3 hour(s))',
    ref: { kind: 'secret', name: 'default' },
  };
  const blackhole: Diagnostic = {
    code: 'blackhole_traffic',
    severity: 'info',
    message: 'listener 0.0.0.0_80 sends traffic to BlackHoleCluster',
    ref: { kind: 'listener', name: '' },
  };

  it('keeps different findings about one object and the ones only one source has', () => {
    const list = mergeDiagnostics([notYetValid, parser], [expiring, blackhole]);
    expect(list.map((w) => w.topic)).toEqual([
      'cert-expiring',
      'cert-not-yet-valid',
      'blackhole',
      'parser',
    ]);
    expect(list[0]?.message).toBe(
      'Secret default: spiffe://a expires on 2030-01-02 (in 3 hour(s)).',
    );
    expect(list[0]?.nodeId).toBe('secret:default');
    // A nameless listener has no graph node to link to.
    expect(list[2]?.nodeId).toBeUndefined();
  });

  it('shows a finding both sources report once, in the diagnostics words', () => {
    const same: DumpWarning = { ...notYetValid, topic: 'cert-expiring', message: 'own words' };
    const list = mergeDiagnostics([same], [expiring]);
    expect(list).toHaveLength(1);
    expect(list[0]?.message).toMatch(/^Secret default: spiffe/);
  });
});
