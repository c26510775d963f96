import { describe, expect, it } from 'vitest';
import { clusterRow } from './clusterRow';
import { dumpOf } from './rows.testing';

describe('clusterRow', () => {
  it('decodes Istio names, prints other names whole, and reads typeless clusters as STATIC', () => {
    const cluster = (c: object) => ({
      cluster: { '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', ...c },
    });
    const dump = dumpOf('ClustersConfigDump', {
      dynamic_active_clusters: [
        cluster({ name: 'inbound|9080||', type: 'ORIGINAL_DST' }),
        cluster({
          name: 'outbound|abc|v1|ratings.default.svc.cluster.local',
          type: 'EDS',
          metadata: { filter_metadata: { istio: { config: '/not/an/istio/path' } } },
        }),
        cluster({
          name: 'agg',
          cluster_type: { name: 'envoy.clusters.aggregate', typed_config: {} },
        }),
      ],
    });
    const cells = dump.clusters
      .map(clusterRow)
      .map((r) => [r.fqdn, r.port, r.subset, r.direction, r.type, r.destinationRule]);
    expect(cells).toEqual([
      ['', 9080, '-', 'inbound', 'ORIGINAL_DST', ''],
      // Go's Atoi failure leaves the port 0; a foreign metadata path reads `<unknown>`.
      ['ratings.default.svc.cluster.local', 0, 'v1', 'outbound', 'EDS', '<unknown>'],
      ['agg', undefined, '-', '-', 'STATIC', ''],
    ]);
  });
});
