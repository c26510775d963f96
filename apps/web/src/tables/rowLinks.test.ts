// Every table row links to a node that the graph really draws (same dump, nothing aggregated),
// secrets included (`secret:<name>`, drawn beside the chains and clusters that use them).
import { readFileSync } from 'node:fs';
import { type ConfigDump, parseConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { buildProxyGraph } from '@meshlens/proxy-graph';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { clusterRows } from './clusterRows';
import { endpointRows } from './endpointRows';
import { listenerRows } from './listenerRows';
import { routeRows } from './routeRows';
import { secretRows } from './secretRows';

function missingLinks(dump: ConfigDump): string[] {
  const drawn = new Set(
    buildProxyGraph(dump, { aggregateThreshold: Number.POSITIVE_INFINITY }).nodes.map((n) => n.id),
  );
  const ids = [
    ...listenerRows(dump),
    ...routeRows(dump),
    ...clusterRows(dump),
    ...endpointRows(dump),
    ...secretRows(dump),
  ].map((r) => r.nodeId);
  expect(ids.length).toBeGreaterThan(0);
  return [...new Set(ids.filter((id) => !drawn.has(id)))];
}

describe('table rows link to graph nodes', () => {
  const mesh = generateDemoMesh();
  it.each(mesh.proxies.map((p) => [p.podName, p] as const))('demo proxy %s', (_name, p) => {
    const res = parseConfigDump(JSON.stringify(p.dump), { fileName: p.fileName });
    if (!res.ok) throw new Error(res.error.message);
    expect(missingLinks(res.dump)).toEqual([]);
  });
});

describeFixtures('table rows link to graph nodes (real dumps)', () => {
  it.each([
    ['config-dumps', 'istio13rc-productpage-sidecar-v2alpha.json'],
    ['config-dumps', 'istio13-ingressgateway-v2alpha.json'],
    ['config-dumps', 'envoy137-plain-gatewayapi-v3.json'],
    ['istioctl-golden', 'pc-all-waypoint-istio121', 'config_dump.json'],
    [
      'istioctl-golden',
      'pc-routes-gateway-v3',
      'istio-gateway-http-route-prefix',
      'configdump.json',
    ],
  ])('%s/%s', (...path) => {
    const res = parseConfigDump(readFileSync(fixture(...path), 'utf8'));
    if (!res.ok) throw new Error(res.error.message);
    expect(missingLinks(res.dump)).toEqual([]);
  });
});
