import { describe, expect, it } from 'vitest';
import { emptyDump } from '../testing/emptyDump';
import { endpointRows } from './endpointRows';

describe('endpointRows', () => {
  it('prints addresses like istioctl and links each host to its graph endpoint node', () => {
    const dump = emptyDump();
    dump.endpoints = [
      {
        clusterName: 'outbound|9080||ratings.default.svc.cluster.local',
        source: 'eds',
        raw: {},
        endpoints: [
          {
            address: { kind: 'socket', ip: '10.1.0.7', port: 9080, protocol: 'TCP' },
            healthStatus: 'HEALTHY',
            priority: 0,
            locality: { region: 'us-east1', zone: 'b' },
            raw: {},
          },
          {
            address: { kind: 'socket', ip: 'fd00::7', port: 9080, protocol: 'TCP' },
            healthStatus: 'HEALTHY',
            outlierCheck: 'FAILED',
            priority: 0,
            raw: {},
          },
          {
            address: { kind: 'pipe', path: '/var/run/sock' },
            healthStatus: 'UNHEALTHY',
            priority: 0,
            raw: {},
          },
        ],
      },
    ];
    expect(endpointRows(dump).map((r) => [r.endpoint, r.status, r.locality, r.nodeId])).toEqual([
      [
        '10.1.0.7:9080',
        'HEALTHY',
        'us-east1/b',
        'ep:outbound|9080||ratings.default.svc.cluster.local/10.1.0.7:9080',
      ],
      [
        // istioctl joins IPv6 hosts unbracketed and STATUS is the health status only.
        'fd00::7:9080',
        'HEALTHY',
        '',
        'ep:outbound|9080||ratings.default.svc.cluster.local/fd00::7:9080',
      ],
      [
        'unix:///var/run/sock',
        'UNHEALTHY',
        '',
        'ep:outbound|9080||ratings.default.svc.cluster.local/unix:/var/run/sock',
      ],
    ]);
  });
});
