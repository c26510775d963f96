// A broken upload (a real fixture cut in half) shows an error banner with line and column, and the
// dump loaded before stays open and usable.
import { readFileSync } from 'node:fs';
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
});
