import { describe, expect, it } from 'vitest';
import type { JsonValue } from '@meshlens/configdump';
import { parseSyncz } from './parseSyncz';

describe('parseSyncz', () => {
  it('reads the nonce format and applies the rule per type', () => {
    const text = JSON.stringify([
      {
        proxy: 'a.ns',
        cluster_id: 'Kubernetes',
        istio_version: '1.22.0',
        cluster_sent: 'x',
        cluster_acked: 'x',
        listener_sent: 'y',
        listener_acked: 'old',
        route_sent: 'z',
        endpoint_acked: 'w',
      },
    ]);
    const r = parseSyncz(text, { istiod: 'istiod-1' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(1);
    const s = r.value[0]!;
    expect(s).toMatchObject({
      proxyId: 'a.ns',
      clusterId: 'Kubernetes',
      istioVersion: '1.22.0',
      istiod: 'istiod-1',
    });
    expect(s.states).toEqual({
      CDS: 'SYNCED',
      LDS: 'STALE',
      RDS: 'STALE (Never Acknowledged)',
      EDS: 'NOT SENT',
      ECDS: 'NOT SENT',
    });
    expect(s.nonces?.LDS).toEqual({ sent: 'y', acked: 'old' });
  });

  it('reads the per-type config_status format (ClientConfig list inside a DiscoveryResponse)', () => {
    const value: JsonValue = {
      resources: [
        {
          node: {
            id: 'sidecar~10.0.0.7~reviews-v1-abc.bookinfo~bookinfo.svc.cluster.local',
            metadata: { CLUSTER_ID: 'c1', ISTIO_VERSION: '1.24.1' },
          },
          genericXdsConfigs: [
            {
              typeUrl: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
              configStatus: 'SYNCED',
            },
            {
              typeUrl: 'type.googleapis.com/envoy.config.listener.v3.Listener',
              configStatus: 'STALE',
            },
            {
              typeUrl: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
              configStatus: 'NOT_SENT',
            },
            {
              type_url: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
              config_status: 'ERROR',
            },
          ],
        },
      ],
      controlPlane: { identifier: JSON.stringify({ Component: 'istiod', ID: 'istiod-7f9' }) },
    };
    const r = parseSyncz(value);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toMatchObject({
      proxyId: 'reviews-v1-abc.bookinfo',
      proxyType: 'sidecar',
      clusterId: 'c1',
      istioVersion: '1.24.1',
      istiod: 'istiod-7f9',
      states: { CDS: 'SYNCED', LDS: 'STALE', EDS: 'NOT SENT', RDS: 'ERROR', ECDS: 'IGNORED' },
    });
  });

  it('treats `null` (an istiod with no proxies) as an empty list', () => {
    expect(parseSyncz('null')).toEqual({ ok: true, value: [] });
  });

  it('reports malformed JSON with line and column', () => {
    const r = parseSyncz('[\n  {"proxy": "a",}\n]');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_json');
    expect(r.error.line).toBe(2);
    expect(r.error.message).toMatch(/line 2, column \d+/);
  });

  it('rejects other JSON with a sentence naming what it found', () => {
    const r = parseSyncz('{"configs": []}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('unexpected_shape');
    expect(r.error.message).toContain('keys configs');
  });
});
