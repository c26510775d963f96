import { describe, expect, it } from 'vitest';
import { clusterMatches, clusterTable, listedClusters } from './clusterTable';
import { clustersSection, dumpOf } from './dumpOf.testing';
import { formatTable } from './table';

const drMeta = {
  filter_metadata: {
    istio: {
      config: '/apis/networking.istio.io/v1alpha3/namespaces/bookinfo/destination-rule/reviews',
    },
  },
};
const dump = dumpOf(
  clustersSection(
    { name: 'outbound|9080|v2|reviews.bookinfo.svc.cluster.local', type: 'EDS', metadata: drMeta },
    { name: 'outbound|9080|v1|reviews.bookinfo.svc.cluster.local', type: 'EDS', metadata: drMeta },
    { name: 'inbound|9080||reviews.bookinfo.svc.cluster.local', type: 'STATIC' },
    { name: 'inbound-vip|9080|http|reviews.bookinfo.svc.cluster.local', type: 'EDS' },
    { name: 'PassthroughCluster', type: 'ORIGINAL_DST' },
    {
      name: 'agg',
      cluster_type: {
        name: 'envoy.clusters.aggregate',
        typed_config: {
          '@type': 'type.googleapis.com/envoy.extensions.clusters.aggregate.v3.ClusterConfig',
          clusters: ['a'],
        },
      },
    },
  ),
);
const clusters = listedClusters(dump.clusters);

describe('cluster table', () => {
  it('decodes Istio names, sorts by host/subset/port/direction, shows the DestinationRule', () => {
    expect(formatTable(clusterTable(clusters, { filter: {}, includeConfigType: false }))).toBe(
      [
        'SERVICE FQDN                           PORT     SUBSET     DIRECTION       TYPE             DESTINATION RULE',
        'PassthroughCluster                     -        -          -               ORIGINAL_DST     ',
        'agg                                    -        -          -               STATIC           ',
        'reviews.bookinfo.svc.cluster.local     9080     -          inbound         STATIC           ',
        'reviews.bookinfo.svc.cluster.local     9080     http       inbound-vip     EDS              ',
        'reviews.bookinfo.svc.cluster.local     9080     v1         outbound        EDS              reviews.bookinfo',
        'reviews.bookinfo.svc.cluster.local     9080     v2         outbound        EDS              reviews.bookinfo',
        '',
      ].join('\n'),
    );
  });

  it('filters by substring like istioctl (--direction inbound also matches inbound-vip)', () => {
    const names = (filter: object) =>
      clusters
        .filter((c) => clusterMatches(c, filter))
        .map((c) => c.name)
        .sort();
    expect(names({ direction: 'inbound' })).toEqual([
      'inbound-vip|9080|http|reviews.bookinfo.svc.cluster.local',
      'inbound|9080||reviews.bookinfo.svc.cluster.local',
    ]);
    expect(names({ port: 9080, subset: 'v2' })).toEqual([
      'outbound|9080|v2|reviews.bookinfo.svc.cluster.local',
    ]);
    expect(names({ fqdn: 'Passthrough' })).toEqual(['PassthroughCluster']);
  });

  it('in `all`, the NAME column is prefixed and istioctl repeats it as FQDN for plain names', () => {
    const t = clusterTable(clusters, { filter: { fqdn: 'agg' }, includeConfigType: true });
    expect(t.rows).toEqual([['cluster/agg', 'cluster/agg', '-', '-', '-', 'STATIC', '']]);
  });
});
