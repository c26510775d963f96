import { readFileSync } from 'node:fs';
import { type Cluster, type Endpoint, parseConfigDump, type Secret } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { emptyDump } from '../testing/emptyDump';
import { collectWarnings } from './collectWarnings';

const now = Date.parse('2026-01-10T00:00:00Z');

function secret(name: string, notBefore: string, notAfter: string): Secret {
  return {
    name,
    state: 'active',
    kind: 'cert_chain',
    certificates: [{ notBefore, notAfter, serialNumber: 'ab12', subjectAltNames: [] }],
    raw: {},
  };
}

function endpoint(ip: string, healthStatus: Endpoint['healthStatus']): Endpoint {
  return {
    address: { kind: 'socket', ip, port: 9080, protocol: 'TCP' },
    healthStatus,
    priority: 0,
    raw: {},
  };
}

describe('collectWarnings', () => {
  it('reports nothing for a clean dump', () => {
    expect(collectWarnings(emptyDump(), now)).toEqual([]);
  });

  it('flags expired, soon-expiring and not-yet-valid certificates, but not healthy ones', () => {
    const dump = emptyDump();
    dump.secrets = [
      secret('expired', '2025-01-01T00:00:00Z', '2026-01-09T00:00:00Z'),
      secret('soon', '2025-01-01T00:00:00Z', '2026-01-12T00:00:00Z'),
      secret('future', '2026-02-01T00:00:00Z', '2027-02-01T00:00:00Z'),
      secret('fine', '2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z'),
    ];
    const ws = collectWarnings(dump, now);
    expect(ws.map((w) => [w.severity, w.nodeId])).toEqual([
      ['error', 'secret:expired'],
      ['warning', 'secret:soon'],
      ['warning', 'secret:future'],
    ]);
    expect(ws[1]!.message).toContain('in 2 days');
  });

  it('does not flag a healthy 24-hour workload certificate, only one close to its end', () => {
    const dump = emptyDump();
    const hour = 60 * 60 * 1000;
    const iso = (t: number): string => new Date(t).toISOString();
    dump.secrets = [
      secret('fresh', iso(now - 4 * hour), iso(now + 20 * hour)),
      secret('stale', iso(now - 22 * hour), iso(now + 2 * hour)),
    ];
    expect(collectWarnings(dump, now).map((w) => w.nodeId)).toEqual(['secret:stale']);
  });

  it('links dangling references to the object that holds them', () => {
    const dump = emptyDump();
    dump.index.dangling = [
      {
        from: { kind: 'listener', name: '0.0.0.0_9080' },
        via: 'rds',
        name: '9080',
        expected: 'route_config',
      },
    ];
    const [w] = collectWarnings(dump, now);
    expect(w?.category).toBe('dangling');
    expect(w?.nodeId).toBe('listener:0.0.0.0_9080');
    expect(w?.message).toContain('"9080"');
  });

  it('orders errors before warnings before info, and counts unhealthy endpoints per cluster', () => {
    const dump = emptyDump();
    dump.warnings = [{ code: 'unknown_type', message: 'Unknown filter type' }];
    dump.clusters = [
      { name: 'warm', state: 'warming' } as Cluster,
      { name: 'bad', state: 'error', errorDetails: 'bad tls' } as Cluster,
    ];
    dump.endpoints = [
      {
        clusterName: 'reviews',
        source: 'eds',
        endpoints: [endpoint('10.0.0.1', 'HEALTHY'), endpoint('10.0.0.2', 'UNHEALTHY')],
        raw: {},
      },
    ];
    const ws = collectWarnings(dump, now);
    expect(ws.map((w) => w.severity)).toEqual(['error', 'warning', 'warning', 'info']);
    expect(ws[0]!.message).toContain('bad tls');
    expect(ws.find((w) => w.category === 'unhealthy_endpoints')?.message).toContain('1 of 2');
  });
});

describeFixtures('collectWarnings on a real dump', () => {
  it('reports the expired workload certificate and the warming secret of istioctl’s secret test', () => {
    const res = parseConfigDump(
      readFileSync(fixture('istioctl-golden', 'pc-secret-v3', 'istio', 'config_dump.json'), 'utf8'),
    );
    if (!res.ok) throw new Error(res.error.message);
    const ws = collectWarnings(res.dump, Date.parse('2024-01-01T00:00:00Z'));
    expect(
      ws.filter((w) => w.category === 'certificate').map((w) => [w.severity, w.nodeId]),
    ).toEqual([['error', 'secret:default']]);
    expect(ws.find((w) => w.category === 'resource_state')).toMatchObject({
      severity: 'warning',
      nodeId: 'secret:configmap://some/thing',
    });
  });
});
