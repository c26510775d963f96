// A broken upload (a real fixture cut in half) shows an error banner with line and column, and the
// dump loaded before stays open and usable. A later successful load clears the stale banner, but
// not the banner of a file that failed in the same drop.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfigDump } from '@meshlens/configdump';
import { describe, expect, test } from 'vitest';
import { loadDumpFile, openGraph } from '../support/flows';
import { expectListenersAndClusters } from '../support/graphChecks';
import { parseDumpFile } from '../support/model';
import { fixture } from '../support/paths';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const ingressFixture = fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json');
const productpageFixture = fixture('config-dumps', 'istio13rc-productpage-sidecar-v2alpha.json');

describe('load errors', () => {
  test('a truncated dump shows load-error with line and column; the open dump keeps working', async () => {
    const model = parseDumpFile(ingressFixture);
    const full = readFileSync(productpageFixture, 'utf8');
    const truncated = full.slice(0, Math.floor(full.length * 0.6));
    const expected = parseConfigDump(truncated, { fileName: 'truncated.json' });
    if (expected.ok) throw new Error('the truncated text should not parse');
    expect(expected.error.line, 'the model locates the error').toBeGreaterThan(1);

    const s = session();
    await s.shell.open();
    const loaded = await loadDumpFile(s, ingressFixture);
    await s.upload.uploadContent('truncated.json', truncated);

    const banner = s.shell.loadError();
    await banner.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await banner.innerText();
    expect(text).toMatch(/line/i);
    expect(text, 'banner names the line').toContain(String(expected.error.line));
    expect(text, 'banner names the column').toContain(String(expected.error.column));
    expect(text).toContain('truncated.json');

    // The earlier dump is still the only tab, still selected, and its views still work.
    const tabs = await s.shell
      .dumpTabs()
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
    expect(tabs).toContain(loaded);
    expect(await s.shell.activeDumpName()).toBe(loaded);
    await s.shell.go('overview');
    expect(await s.overview.count('clusters')).toBe(model.clusters.length);
    await openGraph(s);
    expectListenersAndClusters(await s.graph.nodeIds(), model);
  });

  test('a later successful load clears the old banner; a failure of the same drop stays', async () => {
    const full = readFileSync(productpageFixture, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'meshlens-load-error-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, full.slice(0, Math.floor(full.length * 0.6)));

    const s = session();
    await s.shell.open();
    await s.upload.uploadFile(broken);
    await s.shell.loadError().waitFor({ state: 'visible', timeout: 60_000 });
    expect(await s.shell.loadError().innerText()).toContain('broken.json');

    // A good file afterwards: the broken one's banner goes.
    await loadDumpFile(s, ingressFixture);
    await s.shell.loadError().waitFor({ state: 'detached', timeout: 60_000 });

    // Both in one drop: the good one opens, the broken one's banner stays (it is news).
    const before = await s.shell.dumpTabs().count();
    await s.page.getByTestId('file-input').setInputFiles([productpageFixture, broken]);
    await s.shell.waitForNewDump(before);
    await s.shell.loadError().waitFor({ state: 'visible', timeout: 60_000 });
    expect(await s.shell.loadError().count()).toBe(1);
    expect(await s.shell.loadError().innerText()).toContain('broken.json');

    // The same file fixed and opened again replaces its banner.
    writeFileSync(broken, full);
    await loadDumpFile(s, broken);
    await s.shell.loadError().waitFor({ state: 'detached', timeout: 60_000 });
  });
});
