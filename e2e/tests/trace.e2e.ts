// "Trace a request" on the demo productpage sidecar: the form, the explanation, the path lit up in
// the graph, the trace in the URL; and the warnings panel listing diagnose() findings.
import { readFileSync } from 'node:fs';
import type { ConfigDump } from '@meshlens/configdump';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { TracePanel } from '../pages/TracePanel';
import { productpageDump } from '../support/demoDumps';
import { loadDumpContent, loadDumpFile } from '../support/flows';
import { imageStats } from '../support/imageStats';
import { parseDumpFile } from '../support/model';
import { fixture } from '../support/paths';
import { saveDocsScreenshot } from '../support/screenshots';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const request = 'GET http://reviews:9080/reviews/1';

let file = '';
let model: ConfigDump;
let reviews: { v1: string; v2: string; v3: string };
beforeAll(() => {
  file = productpageDump(inject('demoDumps'));
  model = parseDumpFile(file);
  const subset = (v: string): string => {
    const c = model.clusters.find((x) => x.name.startsWith(`outbound|9080|${v}|reviews.`));
    if (!c) throw new Error(`the demo productpage sidecar should have the reviews ${v} cluster`);
    return c.name;
  };
  reviews = { v1: subset('v1'), v2: subset('v2'), v3: subset('v3') };
});

const escape = (s: string): string => s.replace(/[|.]/g, (c) => `\\${c}`);

describe('trace a request', () => {
  test('jason goes to reviews v2, everyone else to v1 or v3; the path lights up and survives a reload', async () => {
    const s = session();
    const trace = new TracePanel(s.page);
    await s.shell.open();
    const label = await loadDumpFile(s, file);
    await trace.open();
    await s.graph.waitReady();
    expect(await trace.tracedNodeIds(), 'nothing is lit before a trace').toEqual([]);

    await trace.trace({ line: request, headers: ['end-user: jason'] });
    const jason = await trace.waitForOutcome(new RegExp(escape(reviews.v2)));
    expect(jason).not.toMatch(/\|v1\||\|v3\|/);
    expect(await trace.outcomeKind()).toBe('cluster');
    await s.graph.waitReady();
    const jasonPath = await trace.tracedNodeIds();
    expect(jasonPath).toContain('listener:0.0.0.0_9080');
    expect(jasonPath).toContain(`cluster:${reviews.v2}`);
    expect(jasonPath).not.toContain(`cluster:${reviews.v1}`);
    expect(jasonPath.some((id) => id.startsWith(`ep:${reviews.v2}/`))).toBe(true);
    // Every lit node is drawn, and the steps explain the route that matched.
    const drawn = new Set(await s.graph.nodeIds());
    for (const id of jasonPath) expect(drawn, `${id} is drawn`).toContain(id);
    expect(await trace.steps().count()).toBeGreaterThanOrEqual(7);
    await expect
      .poll(() => s.page.getByTestId('trace-steps').innerText())
      .toMatch(/route #0 "jason" matches/);
    expect(await s.page.getByTestId('trace-endpoints').innerText()).toMatch(/HEALTHY/);
    expect(await s.page.getByTestId('trace-assumptions').innerText()).toMatch(/service VIP/);

    await s.graph.waitViewportSettled();
    const shot = imageStats(await saveDocsScreenshot(s.page, 'trace'));
    expect({ w: shot.width, h: shot.height }).toEqual({ w: 1440, h: 900 });
    expect(shot.colours, 'trace.png should not be blank').toBeGreaterThan(20);

    // Without jason the weighted v1/v3 split decides; the random value makes it deterministic.
    const picked: string[] = [];
    for (const random of ['10', '60']) {
      await trace.trace({ line: request, random });
      const text = await trace.waitForOutcome(/\|v[13]\|reviews\./);
      expect(text).not.toMatch(/\|v2\|/);
      picked.push(text.includes(reviews.v1) ? reviews.v1 : reviews.v3);
      await s.graph.waitReady();
      const path = await trace.tracedNodeIds();
      expect(path).toContain('listener:0.0.0.0_9080');
      expect(path).toContain(`cluster:${picked[picked.length - 1] ?? ''}`);
      expect(path).not.toContain(`cluster:${reviews.v2}`);
    }
    expect(new Set(picked), 'random 10 and 60 fall in different branches').toEqual(
      new Set([reviews.v1, reviews.v3]),
    );
    // "Why not": the jason route was tried first and lost on its header.
    await expect
      .poll(() => trace.whyNotLines().allInnerTexts())
      .toContainEqual(expect.stringMatching(/route #0 "jason" does not match: header "end-user"/));

    // The URL carries the trace: reload, load the same dump again, same outcome and path.
    const params = new URL(s.page.url()).searchParams;
    expect(params.get('view')).toBe('trace');
    expect(params.get('g.t')).toBe(`${request}\n--random 60`);
    const before = {
      outcome: await trace.outcome().innerText(),
      path: await trace.tracedNodeIds(),
    };
    const url = s.page.url();
    await s.page.reload();
    expect(s.page.url()).toBe(url);
    await s.page.getByTestId('upload-dropzone').waitFor({ state: 'visible' });
    expect(await loadDumpFile(s, file)).toBe(label);
    await trace.waitForOutcome(before.outcome.split('\n')[0] ?? '');
    await s.graph.waitReady();
    expect(await trace.outcome().innerText()).toBe(before.outcome);
    expect(await trace.tracedNodeIds()).toEqual(before.path);
    expect(await trace.input().inputValue()).toBe(request);
    expect(await s.page.getByTestId('trace-random').inputValue()).toBe('60');

    // The graph view keeps the path lit, with a reminder of what was traced.
    await s.shell.go('graph');
    await s.page.getByTestId('trace-banner').waitFor({ state: 'visible' });
    await s.graph.waitReady();
    expect(await trace.tracedNodeIds()).toEqual(before.path);
    await s.page.getByTestId('trace-banner-clear').click();
    await expect.poll(() => trace.tracedNodeIds()).toEqual([]);
    expect(new URL(s.page.url()).searchParams.get('g.t')).toBeNull();
  });

  test('a bad request line or header is shown inline, and the view keeps working', async () => {
    const s = session();
    const trace = new TracePanel(s.page);
    await s.shell.open();
    await loadDumpFile(s, file);
    await trace.open();
    await s.graph.waitReady();

    await trace.trace({ line: 'GET reviews' });
    await expect.poll(() => trace.errors().count()).toBe(1);
    expect(await trace.errors().getAttribute('data-field')).toBe('line');
    expect(await trace.errors().innerText()).toMatch(/http:\/\//);
    expect(await trace.outcome().count()).toBe(0);

    await trace.trace({ line: request, headers: ['end-user jason'] });
    await expect.poll(() => trace.errors().getAttribute('data-field')).toBe('headers');
    await trace.trace({ line: request, random: 'ten' });
    await expect.poll(() => trace.errors().getAttribute('data-field')).toBe('random');
    await trace.trace({ line: '' });
    await expect.poll(() => trace.errors().innerText()).toMatch(/Type a request/);

    // Straight to a port nothing listens on (no iptables hand-off): a traced outcome, not an error.
    await trace.trace({ line: 'GET http://10.9.9.9:1/', direction: 'direct' });
    await trace.waitForOutcome(/refused/);
    expect(await trace.outcomeKind()).toBe('refused');
    expect(await trace.tracedNodeIds()).toEqual([]);
  });
});

describe('warnings panel', () => {
  test('lists diagnose() findings (shadowed route, dangling cluster) once each, linked to the graph', async () => {
    const s = session();
    // A real Istio 1.3 sidecar dump with a catch-all route seeded in front of reviews' route
    // (shadowing it) and a route to a cluster that does not exist.
    const doc = JSON.parse(
      readFileSync(fixture('config-dumps', 'istio13rc-productpage-sidecar-v2alpha.json'), 'utf8'),
    ) as {
      configs: {
        dynamic_route_configs?: {
          route_config: { name: string; virtual_hosts: { name: string; routes: unknown[] }[] };
        }[];
      }[];
    };
    const rc = doc.configs
      .flatMap((c) => c.dynamic_route_configs ?? [])
      .find((r) => r.route_config.name === '9080')?.route_config;
    const reviewsVh = rc?.virtual_hosts.find((v) => v.name.startsWith('reviews.'));
    const detailsVh = rc?.virtual_hosts.find((v) => v.name.startsWith('details.'));
    if (!reviewsVh || !detailsVh) throw new Error('fixture changed: no reviews/details vhosts');
    reviewsVh.routes.unshift({
      match: { prefix: '/' },
      route: { cluster: 'outbound|9080||reviews.default.svc.cluster.local' },
    });
    detailsVh.routes.unshift({
      match: { prefix: '/', headers: [{ name: 'x-ghost', exact_match: '1' }] },
      route: { cluster: 'outbound|9080||ghost.default.svc.cluster.local' },
    });

    await s.shell.open();
    await loadDumpContent(s, 'seeded-productpage.json', JSON.stringify(doc));
    await s.overview.waitVisible();
    const items = s.page.getByTestId('warning-item');
    const shadowed = items.and(s.page.locator('[data-category="shadowed_route"]'));
    const dangling = items.and(s.page.locator('[data-category="dangling"]'));
    await expect.poll(() => shadowed.count()).toBe(1);
    expect(await dangling.count(), 'the dangling cluster is listed once').toBe(1);
    expect(await dangling.getAttribute('data-severity')).toBe('error');
    expect(await dangling.innerText()).toMatch(/ghost\.default\.svc\.cluster\.local/);
    expect(await shadowed.innerText()).toMatch(/can never match/);

    const shadowedNode = `route:9080/${reviewsVh.name}/1`;
    await shadowed.getByRole('button', { name: 'Show in graph' }).click();
    await s.graph.waitReady();
    expect(new URL(s.page.url()).searchParams.get('g.sel')).toBe(shadowedNode);
    expect(await s.graph.visibleNodeIds()).toContain(shadowedNode);
  });
});
