// The clusters table of a real dump: filtering shows exactly the model's clusters containing the
// text, the row count text agrees, and a row links to its graph node. A secret row of a generated
// sidecar opens the secret on the graph with the chains and clusters that use it.
import { describe, expect, inject, test } from 'vitest';
import { cssString } from '../pages/AppShell';
import { productpageDump } from '../support/demoDumps';
import { loadDumpFile } from '../support/flows';
import { clustersContaining, parseDumpFile } from '../support/model';
import { fixture } from '../support/paths';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const ingressFixture = fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json');

describe('tables', () => {
  test('filtering the clusters table matches the model', async () => {
    const model = parseDumpFile(ingressFixture);
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, ingressFixture);
    await s.shell.go('tables');
    await s.tables.openTab('clusters');

    const total = model.clusters.length;
    await s.tables.waitForShown(total);
    expect((await s.tables.rowCount()).total, 'M in "N of M rows"').toBe(total);

    // Several hosts, so the filter is not just a prefix of every name.
    for (const term of ['istio-pilot', 'KUBE-SYSTEM', 'fortio']) {
      const expected = clustersContaining(model, term);
      expect(expected.length, `the fixture has clusters containing "${term}"`).toBeGreaterThan(0);
      await s.tables.filter(term);
      await s.tables.waitForShown(expected.length);
      expect(await s.tables.rowCount()).toMatchObject({ shown: expected.length, total });
      expect(await s.tables.rows().count(), `table-row elements for "${term}"`).toBe(
        expected.length,
      );
      expect((await s.tables.rowNodeIds()).sort(), `rows for "${term}"`).toEqual(
        expected.map((n) => `cluster:${n}`).sort(),
      );
    }

    await s.tables.filter('no-cluster-has-this-name');
    await s.tables.waitForShown(0);
    expect(await s.tables.rows().count()).toBe(0);
  });

  test('clicking a cluster row selects and focuses that cluster in the graph', async () => {
    const model = parseDumpFile(ingressFixture);
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, ingressFixture);
    await s.shell.go('tables');
    await s.tables.openTab('clusters');
    const matches = clustersContaining(model, 'httpbin');
    const name = matches.find((n) => n.startsWith('outbound|'));
    if (name === undefined)
      throw new Error('the fixture should have an outbound|...|httpbin cluster');
    await s.tables.filter('httpbin');
    await s.tables.waitForShown(matches.length);

    const id = `cluster:${name}`;
    await s.page.locator(`[data-testid="table-row"][data-node-id="${cssString(id)}"]`).click();
    await s.graph.waitReady();
    expect(await s.graph.visibleNodeIds()).toContain(id);
    await expect.poll(() => s.graph.sidePanel().innerText()).toContain(name);
    await expect
      .poll(() => new URL(s.page.url()).searchParams.get('g.focus'), { message: 'URL g.focus' })
      .toBe(id);
    expect(new URL(s.page.url()).searchParams.get('g.sel'), 'URL g.sel').toBe(id);
  });

  test('clicking a secret row opens the secret in the graph with what uses it', async () => {
    const file = productpageDump(inject('demoDumps'));
    const model = parseDumpFile(file);
    const secret = model.secrets.find((x) => x.name === 'default') ?? model.secrets[0];
    if (!secret) throw new Error('the generated sidecar should have SDS secrets');
    const users = [
      ...model.clusters
        .filter((c) => c.tls?.sdsSecrets.includes(secret.name))
        .map((c) => `cluster:${c.name}`),
      ...model.listeners.flatMap((l) =>
        [...l.filterChains, ...(l.defaultFilterChain ? [l.defaultFilterChain] : [])]
          .filter((c) => c.sdsSecrets?.includes(secret.name))
          .map((c) => `chain:${l.name}#${c.index}`),
      ),
    ];
    expect(users.length, 'the model has chains or clusters using the secret').toBeGreaterThan(0);
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, file);
    await s.shell.go('tables');
    await s.tables.openTab('secrets');
    await s.tables.waitForShown(model.secrets.length);

    const id = `secret:${secret.name}`;
    await s.page.locator(`[data-testid="table-row"][data-node-id="${cssString(id)}"]`).click();
    await s.graph.waitReady();
    const visible = await s.graph.visibleNodeIds();
    expect(visible).toContain(id);
    expect(
      visible.filter((v) => v.startsWith('group:')),
      'drawn without groups',
    ).toEqual([]);
    expect(
      users.filter((u) => !visible.includes(u)),
      'users not drawn',
    ).toEqual([]);
    expect(
      visible.filter((v) => v.startsWith('secret:') && v !== id),
      'other secrets',
    ).toEqual([]);
    await expect.poll(() => s.graph.sidePanel().innerText()).toContain('SDS secret');
  });
});
