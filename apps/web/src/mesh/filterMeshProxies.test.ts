import type { MeshProxyInfo } from '@meshlens/contract';
import { describe, expect, it } from 'vitest';
import { filterMeshProxies } from './filterMeshProxies';
import { proxyHealth } from './proxyHealth';

const synced = {
  CDS: 'SYNCED',
  LDS: 'SYNCED',
  EDS: 'SYNCED',
  RDS: 'SYNCED',
  ECDS: 'NOT SENT',
} as const;
const proxies: MeshProxyInfo[] = [
  {
    id: 'productpage-v1-a.bookinfo',
    name: 'productpage-v1-a',
    namespace: 'bookinfo',
    type: 'sidecar',
    istioVersion: '1.24.2',
    istiod: 'istiod-1',
    sync: synced,
  },
  {
    id: 'reviews-v2-b.bookinfo',
    name: 'reviews-v2-b',
    namespace: 'bookinfo',
    type: 'sidecar',
    istiod: 'istiod-1',
    sync: { ...synced, CDS: 'STALE' },
  },
  {
    id: 'ratings-v1-c.bookinfo',
    name: 'ratings-v1-c',
    namespace: 'bookinfo',
    type: 'sidecar',
    sync: { ...synced, LDS: 'ERROR' },
  },
  {
    id: 'istio-ingressgateway-d.istio-system',
    name: 'istio-ingressgateway-d',
    namespace: 'istio-system',
    type: 'router',
    error: { kind: 'refused', message: 'connection refused', advice: 'start it' },
  },
  { id: 'details-v1-e.bookinfo', name: 'details-v1-e', namespace: 'bookinfo', type: 'sidecar' },
];
const ids = (ps: MeshProxyInfo[]): string[] => ps.map((p) => p.name);

describe('proxyHealth', () => {
  it('takes the worst state: unreachable, error, stale, then synced; unknown without sync data', () => {
    expect(proxies.map(proxyHealth)).toEqual([
      'synced',
      'stale',
      'error',
      'unreachable',
      'unknown',
    ]);
    expect(
      proxyHealth({ ...proxies[0]!, sync: { ...synced, EDS: 'STALE (Never Acknowledged)' } }),
    ).toBe('stale');
    expect(proxyHealth({ ...proxies[0]!, sync: { ...synced, RDS: 'IGNORED' } })).toBe('synced');
  });
});

describe('filterMeshProxies', () => {
  it('keeps every proxy with no filter', () => {
    expect(filterMeshProxies(proxies, '  ', 'all')).toHaveLength(5);
  });

  it('needs every word somewhere in the proxy, case-insensitively', () => {
    expect(ids(filterMeshProxies(proxies, 'BOOKINFO v2', 'all'))).toEqual(['reviews-v2-b']);
    expect(ids(filterMeshProxies(proxies, 'router', 'all'))).toEqual(['istio-ingressgateway-d']);
    expect(ids(filterMeshProxies(proxies, 'stale', 'all'))).toEqual(['reviews-v2-b']);
    expect(ids(filterMeshProxies(proxies, 'refused', 'all'))).toEqual(['istio-ingressgateway-d']);
    expect(ids(filterMeshProxies(proxies, '1.24', 'all'))).toEqual(['productpage-v1-a']);
    expect(filterMeshProxies(proxies, 'bookinfo nothing', 'all')).toEqual([]);
  });

  it('filters by health, combined with the text', () => {
    expect(ids(filterMeshProxies(proxies, '', 'error'))).toEqual(['ratings-v1-c']);
    expect(ids(filterMeshProxies(proxies, 'istio-system', 'synced'))).toEqual([]);
  });

  it('matches scan results: "scan-failed", the scan error and the first finding', () => {
    const scan = new Map([
      [
        'details-v1-e.bookinfo',
        {
          id: 'details-v1-e.bookinfo',
          error: {
            kind: 'timeout',
            message: 'no complete answer after 2s',
            advice: 'raise --timeout',
          },
        },
      ],
      [
        'reviews-v2-b.bookinfo',
        {
          id: 'reviews-v2-b.bookinfo',
          summary: {
            listeners: 1,
            routes: 1,
            clusters: 1,
            endpoints: 0,
            secrets: 0,
            dumpBytes: 10,
            fetchMs: 1,
            errors: 1,
            warnings: 0,
            firstFinding: 'cluster outbound|9080||ratings: no endpoints',
          },
        },
      ],
    ]);
    expect(ids(filterMeshProxies(proxies, 'scan-failed', 'all', scan))).toEqual(['details-v1-e']);
    expect(ids(filterMeshProxies(proxies, 'complete answer', 'all', scan))).toEqual([
      'details-v1-e',
    ]);
    expect(ids(filterMeshProxies(proxies, 'no endpoints', 'all', scan))).toEqual(['reviews-v2-b']);
    expect(filterMeshProxies(proxies, 'scan-failed', 'all')).toEqual([]);
  });
});
