import { describe, expect, it } from 'vitest';
import type { ProxySyncStatus } from './model';
import { proxyStatusRows } from './proxyStatusRows';

const synced = {
  CDS: 'SYNCED',
  LDS: 'SYNCED',
  EDS: 'SYNCED',
  RDS: 'SYNCED',
  ECDS: 'NOT SENT',
} as const;
const status = (proxyId: string, extra: Partial<ProxySyncStatus> = {}): ProxySyncStatus => ({
  proxyId,
  states: { ...synced },
  ...extra,
});

describe('proxyStatusRows', () => {
  it('sorts by cluster then proxy id in the current layout', () => {
    const t = proxyStatusRows([
      status('b.ns', { clusterId: 'c1' }),
      status('a.ns', { clusterId: 'c2' }),
      status('a.ns', { clusterId: 'c1', istiod: 'istiod-1', istioVersion: '1.2' }),
    ]);
    expect(t.header).toEqual([
      'NAME',
      'CLUSTER',
      'CDS',
      'LDS',
      'EDS',
      'RDS',
      'ECDS',
      'ISTIOD',
      'VERSION',
    ]);
    expect(t.rows.map((r) => `${r[0]}@${r[1]}`)).toEqual(['a.ns@c1', 'b.ns@c1', 'a.ns@c2']);
    expect(t.rows[0]).toEqual([
      'a.ns',
      'c1',
      'SYNCED',
      'SYNCED',
      'SYNCED',
      'SYNCED',
      'NOT SENT',
      'istiod-1',
      '1.2',
    ]);
  });

  it('uses the proxy version with * when the Istio version is missing', () => {
    const t = proxyStatusRows([status('x', { proxyVersion: '1.1' })], { layout: 'legacy' });
    expect(t.rows[0]?.at(-1)).toBe('1.1*');
    expect(t.header).toEqual(['NAME', 'CDS', 'LDS', 'EDS', 'RDS', 'PILOT', 'VERSION']);
  });

  it('keeps only ids containing the filter, like istioctl proxy-status <pod>', () => {
    const t = proxyStatusRows([status('reviews-v1.bookinfo'), status('ratings-v1.bookinfo')], {
      proxy: 'reviews',
    });
    expect(t.rows.map((r) => r[0])).toEqual(['reviews-v1.bookinfo']);
  });
});
