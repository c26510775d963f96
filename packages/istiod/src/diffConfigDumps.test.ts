import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../tests/conformance/fixtures';
import { diffConfigDumps } from './diffConfigDumps';

const load = (name: string): ConfigDump => {
  const r = parseConfigDump(
    readFileSync(fixture('istioctl-golden/proxy-status-diff-istio14', name), 'utf8'),
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
};

// istioctl's `proxy-status <pod>` test data: pilot's (camelCase protojson) dump against two Envoy
// dumps, one matching and one whose differences are the golden *diff.txt files.
describeFixtures('diffConfigDumps on istioctl proxy-status diff test data', () => {
  it('finds nothing between pilotconfigdump.json and envoyconfigdump.json (istioctl: all match)', () => {
    const diff = diffConfigDumps(load('pilotconfigdump.json'), load('envoyconfigdump.json'));
    expect(diff.inSync).toBe(true);
    // One dynamic cluster, two listeners, one RDS route config; static ones are not compared.
    expect(diff.entries.map((e) => e.kind).sort()).toEqual([
      'cluster',
      'listener',
      'listener',
      'route',
    ]);
  });

  it('finds exactly the cluster, listener and route of the golden diffs in diffenvoyconfigdump.json', () => {
    const diff = diffConfigDumps(load('pilotconfigdump.json'), load('diffenvoyconfigdump.json'));
    expect(diff.inSync).toBe(false);
    const changed = diff.entries.filter((e) => e.status !== 'same');
    expect(changed.map((e) => [e.kind, e.name, e.status])).toEqual([
      ['listener', '0.0.0.0_8080', 'different'],
      ['route', '15004', 'different'],
      ['cluster', 'outbound|15004||istio-policy.istio-system.svc.cluster.local', 'different'],
    ]);
    // clusterdiff.txt: circuitBreakers.thresholds[0].maxRequests 10000 only on the pilot side.
    expect(changed[2]?.changedPaths).toEqual(['circuitBreakers.thresholds[0].maxRequests']);
    // listenerdiff.txt: envoy.router missing from the Envoy side's HTTP filters (4th filter).
    expect(changed[0]?.changedPaths).toEqual(['filterChains[0].filters[0].config.httpFilters[3]']);
    // routediff.txt: two domains fewer on the Envoy side; index-wise the tail shifts.
    expect(changed[1]?.changedPaths?.every((p) => p.startsWith('virtualHosts[0].domains['))).toBe(
      true,
    );
  });
});
