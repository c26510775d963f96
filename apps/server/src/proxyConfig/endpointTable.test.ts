import { describe, expect, it } from 'vitest';
import { clustersSection, dumpOf } from './dumpOf.testing';
import { formatLocality } from '@meshlens/istioctl';
import { adminEndpointTable, endpointTable } from './endpointTable';
import { listedAssignments } from './endpointSelection';
import { parseConfigDump } from '@meshlens/configdump';

const sock = (ip: string, port: number): object => ({
  address: { socket_address: { address: ip, port_value: port } },
});

const dump = dumpOf(
  clustersSection({
    name: 'static-with-hosts',
    type: 'STATIC',
    load_assignment: {
      cluster_name: 'static-with-hosts',
      endpoints: [{ lb_endpoints: [{ endpoint: sock('127.0.0.1', 1) }] }],
    },
  }),
  {
    '@type': 'type.googleapis.com/envoy.admin.v3.EndpointsConfigDump',
    static_endpoint_configs: [
      {
        endpoint_config: {
          cluster_name: 'prometheus_stats',
          endpoints: [
            { lb_endpoints: [{ endpoint: sock('127.0.0.1', 15000), health_status: 'HEALTHY' }] },
          ],
        },
      },
    ],
    dynamic_endpoint_configs: [
      {
        endpoint_config: {
          cluster_name: 'outbound|9080||reviews.default.svc.cluster.local',
          endpoints: [
            {
              locality: { region: 'us', zone: 'us-1', sub_zone: 'a' },
              lb_endpoints: [{ endpoint: sock('10.0.0.2', 9080), health_status: 'UNHEALTHY' }],
            },
            {
              locality: { region: 'eu' },
              lb_endpoints: [{ endpoint: { address: { pipe: { path: '/sock' } } } }],
            },
          ],
        },
      },
    ],
  },
);

describe('endpoint tables', () => {
  it('config dump: EDS section only (not cluster load assignments), sorted by cluster, with locality', () => {
    const t = endpointTable(listedAssignments(dump), { filter: {}, includeConfigType: false });
    expect(t.header).toEqual(['ENDPOINT', 'STATUS', 'LOCALITY', 'CLUSTER']);
    expect(t.rows).toEqual([
      ['127.0.0.1:15000', 'HEALTHY', '', 'prometheus_stats'],
      [
        '10.0.0.2:9080',
        'UNHEALTHY',
        'us/us-1/a',
        'outbound|9080||reviews.default.svc.cluster.local',
      ],
      ['unix:///sock', 'UNKNOWN', 'eu', 'outbound|9080||reviews.default.svc.cluster.local'],
    ]);
  });

  it('filters by address, port, cluster and status (case-insensitive)', () => {
    const rows = (filter: object) =>
      endpointTable(listedAssignments(dump), { filter, includeConfigType: true }).rows.map(
        (r) => r[0],
      );
    expect(rows({ status: 'unhealthy' })).toEqual(['endpoint/10.0.0.2:9080']);
    expect(rows({ address: '127.0.0.1' })).toEqual(['endpoint/127.0.0.1:15000']);
    expect(rows({ port: 9080 })).toEqual(['endpoint/10.0.0.2:9080']);
    expect(rows({ cluster: 'PROMETHEUS_STATS' })).toEqual(['endpoint/127.0.0.1:15000']);
  });

  it('locality stops at the first empty level', () => {
    expect(formatLocality({ region: 'r', subZone: 's' })).toBe('r');
    expect(formatLocality(undefined)).toBe('');
  });

  it('admin /clusters: ENDPOINT/STATUS/OUTLIER CHECK/CLUSTER sorted by address text, pipes as unix://', () => {
    const r = parseConfigDump(
      JSON.stringify({
        cluster_statuses: [
          {
            name: 'b',
            host_statuses: [
              {
                address: { pipe: { path: '/s' } },
                health_status: { eds_health_status: 'HEALTHY' },
              },
            ],
          },
          {
            name: 'a',
            host_statuses: [
              {
                address: { socket_address: { address: '172.17.0.4', port_value: 443 } },
                health_status: { eds_health_status: 'HEALTHY', failed_outlier_check: true },
              },
              {
                address: { socket_address: { address: '172.17.0.13', port_value: 80 } },
                health_status: { eds_health_status: 'DRAINING' },
              },
            ],
          },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(adminEndpointTable(r.dump.endpoints, {}).rows).toEqual([
      ['172.17.0.13:80', 'DRAINING', 'OK', 'a'],
      ['172.17.0.4:443', 'HEALTHY', 'FAILED', 'a'],
      ['unix:///s', 'HEALTHY', 'OK', 'b'],
    ]);
  });
});
