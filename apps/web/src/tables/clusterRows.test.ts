import type { Cluster } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { emptyDump } from '../testing/emptyDump';
import { clusterRows } from './clusterRows';

function cluster(name: string, c: Partial<Cluster> = {}): Cluster {
  return {
    name,
    state: 'active',
    type: 'EDS',
    lbPolicy: 'ROUND_ROBIN',
    circuitBreakers: [],
    aggregateClusters: [],
    raw: {},
    ...c,
  };
}

describe('clusterRows', () => {
  it('splits Istio names into FQDN/PORT/SUBSET/DIRECTION and names the DestinationRule', () => {
    const dump = emptyDump();
    dump.clusters = [
      cluster('outbound|9080|v2|reviews.default.svc.cluster.local', {
        istioName: {
          direction: 'outbound',
          port: 9080,
          subset: 'v2',
          host: 'reviews.default.svc.cluster.local',
        },
        istioConfig: { kind: 'DestinationRule', name: 'reviews', namespace: 'default', path: '' },
      }),
      cluster('BlackHoleCluster', { type: 'STATIC' }),
    ];
    expect(
      clusterRows(dump).map((r) => [
        r.fqdn,
        r.port,
        r.subset,
        r.direction,
        r.type,
        r.destinationRule,
        r.nodeId,
      ]),
    ).toEqual([
      [
        'reviews.default.svc.cluster.local',
        9080,
        'v2',
        'outbound',
        'EDS',
        'reviews.default',
        'cluster:outbound|9080|v2|reviews.default.svc.cluster.local',
      ],
      ['BlackHoleCluster', undefined, '-', '-', 'STATIC', '', 'cluster:BlackHoleCluster'],
    ]);
  });
});
