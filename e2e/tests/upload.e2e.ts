// Uploading dumps through the file input: the overview counts and the graph's listener and
// cluster nodes must equal what parseConfigDump finds in the same file.
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { productpageDump } from '../support/demoDumps';
import { loadDumpFile, openGraph } from '../support/flows';
import { expectListenersAndClusters } from '../support/graphChecks';
import { parseDumpFile } from '../support/model';
import { fixture } from '../support/paths';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const ingressFixture = fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json');

let productpage = '';
beforeAll(() => {
  productpage = productpageDump(inject('demoDumps'));
});

describe('upload a dump and compare the views with the model', () => {
  test.each([
    ['a real Istio 1.3 ingress gateway dump (v2alpha fixture)', () => ingressFixture],
    ['a generated productpage sidecar dump (meshlens demo export)', () => productpage],
  ])('%s', async (_title, path) => {
    const file = path();
    const model = parseDumpFile(file);
    expect(model.listeners.length, 'the dump should have listeners').toBeGreaterThan(0);
    expect(model.clusters.length, 'the dump should have clusters').toBeGreaterThan(0);

    const s = session();
    await s.shell.open();
    await loadDumpFile(s, file);

    await s.shell.go('overview');
    await s.overview.waitVisible();
    expect(await s.overview.count('listeners'), 'count-listeners').toBe(model.listeners.length);
    expect(await s.overview.count('clusters'), 'count-clusters').toBe(model.clusters.length);
    expect(await s.overview.count('secrets'), 'count-secrets').toBe(model.secrets.length);
    if (model.node) expect(await s.overview.nodeId()).toContain(model.node.id);

    await openGraph(s);
    expectListenersAndClusters(await s.graph.nodeIds(), model);
  });
});
