import { readFileSync, statSync } from 'node:fs';
import type http from 'node:http';
import { parseConfigDump } from '@meshlens/configdump';
import type { MeshScanStatus } from '@meshlens/contract';
import { afterEach, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { EnvoyAdminSource, type EnvoyAdminTarget } from '../sources/EnvoyAdminSource';
import { IstiodSource } from '../sources/IstiodSource';
import { closedPort, startTestServer, stopAll } from '../sources/testServer.testing';
import { MeshScanner } from './MeshScanner';

afterEach(() => stopAll());

const dumps = [
  fixture('config-dumps', 'istio13rc-productpage-sidecar-v2alpha.json'),
  fixture('config-dumps', 'envoy137-plain-gatewayapi-v3.json'),
];

/** Counts the `/config_dump` requests in flight across every fake admin, server side. */
interface Meter {
  active: number;
  max: number;
  requests: string[];
}

/**
 * One real HTTP server per proxy: `/server_info` names the proxy, `/config_dump` answers a real
 * captured dump after `hold()` resolves (HTTP 500 instead when `fail`).
 */
async function envoyAdmin(
  id: string,
  file: string,
  meter: Meter,
  hold: () => Promise<void>,
  fail = false,
): Promise<EnvoyAdminTarget> {
  const body = readFileSync(file);
  const server = await startTestServer((req: http.IncomingMessage, res: http.ServerResponse) => {
    req.resume();
    if (req.url?.startsWith('/server_info')) {
      // What EnvoyAdminSource lists the proxy by: the bootstrap node id.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ node: { id: `sidecar~10.0.0.1~${id}~svc.cluster.local` } }));
      return;
    }
    meter.requests.push(id);
    meter.active++;
    meter.max = Math.max(meter.max, meter.active);
    void hold().then(() => {
      meter.active--;
      if (fail) res.writeHead(500, { 'content-type': 'text/plain' }).end('admin exploded\n');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
  });
  return { url: server.url, id };
}

const delay = (ms: number) => (): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(scanner: MeshScanner, done: (s: MeshScanStatus) => boolean): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const s = scanner.status();
    if (s && done(s)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`scan never reached the expected state: ${JSON.stringify(scanner.status())}`);
}

describeFixtures('MeshScanner over real local Envoy admin servers', () => {
  it('fetches every proxy with at most `concurrency` requests in flight (counted server side) and records failures without stopping', async () => {
    const meter: Meter = { active: 0, max: 0, requests: [] };
    const targets: EnvoyAdminTarget[] = [];
    for (let i = 0; i < 12; i++)
      targets.push(await envoyAdmin(`p${i}.ns`, dumps[i % 2]!, meter, delay(25), i === 5));
    targets.push({ url: `http://127.0.0.1:${await closedPort()}`, id: 'gone.ns' });
    const scanner = new MeshScanner(new EnvoyAdminSource(targets, { timeoutMs: 5000 }), {
      concurrency: 3,
    });

    const first = scanner.start();
    expect(first.joined).toBe(false);
    await scanner.settled();
    const s = scanner.status();

    expect(meter.max).toBe(3);
    expect(meter.requests).toHaveLength(12);
    expect(s?.state).toBe('done');
    expect(s).toMatchObject({ total: 13, done: 13, failed: 2, concurrency: 3, current: [] });
    const byId = new Map(s?.results.map((r) => [r.id, r]));
    expect(byId.get('p5.ns')?.error).toMatchObject({ kind: 'http_status', status: 500 });
    expect(byId.get('p5.ns')?.error?.message).toContain('admin exploded');
    expect(byId.get('gone.ns')?.error?.kind).toBe('refused');
    const expectedBytes = targets
      .slice(0, 12)
      .reduce((sum, _t, i) => sum + (i === 5 ? 0 : statSync(dumps[i % 2]!).size), 0);
    expect(s?.bytes).toBe(expectedBytes);
    for (let i = 0; i < 12; i++) {
      if (i === 5) continue;
      const summary = byId.get(`p${i}.ns`)?.summary;
      const text = readFileSync(dumps[i % 2]!, 'utf8');
      const parsed = parseConfigDump(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(summary?.dumpBytes).toBe(statSync(dumps[i % 2]!).size);
      expect(summary?.clusters).toBe(parsed.dump.clusters.length);
      expect(summary?.listeners).toBe(parsed.dump.listeners.length);
      expect(summary?.clusters).toBeGreaterThan(0);
    }
  });

  it('a second start joins the running scan: one request per proxy', async () => {
    const meter: Meter = { active: 0, max: 0, requests: [] };
    const targets = await Promise.all(
      ['a', 'b', 'c', 'd'].map((n) => envoyAdmin(`${n}.ns`, dumps[0]!, meter, delay(30))),
    );
    const scanner = new MeshScanner(new EnvoyAdminSource(targets), { concurrency: 2 });
    const first = scanner.start();
    const second = scanner.start();
    expect(second.joined).toBe(true);
    expect(second.scan.id).toBe(first.scan.id);
    await scanner.settled();
    expect(scanner.status()?.done).toBe(4);
    expect([...meter.requests].sort()).toEqual(['a.ns', 'b.ns', 'c.ns', 'd.ns']);
    // Once finished, start begins a new scan.
    const third = scanner.start();
    expect(third).toMatchObject({ joined: false, scan: { id: first.scan.id + 1 } });
    await scanner.settled();
  });

  it('cancel: no new fetch starts, the ones in flight are recorded, and the next scan waits for them', async () => {
    const meter: Meter = { active: 0, max: 0, requests: [] };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const targets: EnvoyAdminTarget[] = [];
    for (let i = 0; i < 10; i++)
      targets.push(await envoyAdmin(`p${i}.ns`, dumps[1]!, meter, () => gate));
    const scanner = new MeshScanner(new EnvoyAdminSource(targets), { concurrency: 2 });
    scanner.start();
    await until(scanner, (s) => s.current.length === 2);
    expect(scanner.cancel()?.state).toBe('cancelling');
    // Started during the cancel: must not add fetches until the first scan's two have ended.
    const next = scanner.start();
    expect(next.joined).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(meter.active).toBe(2);
    release();
    await until(scanner, (s) => s.id === next.scan.id && s.state === 'done');
    expect(meter.max).toBe(2);
    // 2 fetched by the cancelled scan, then all 10 by the next one.
    expect(meter.requests).toHaveLength(12);
  });

  it('a scan whose proxy list cannot be read fails with the source error', async () => {
    const scanner = new MeshScanner(
      new IstiodSource([{ url: `http://127.0.0.1:${await closedPort()}` }]),
    );
    scanner.start();
    await scanner.settled();
    expect(scanner.status()).toMatchObject({
      state: 'failed',
      total: 0,
      error: { kind: 'refused' },
    });
  });

  it('the cursor returns only the results after `since`, with `next` to continue from', async () => {
    const meter: Meter = { active: 0, max: 0, requests: [] };
    const targets = await Promise.all(
      ['a', 'b', 'c'].map((n) => envoyAdmin(`${n}.ns`, dumps[1]!, meter, delay(5))),
    );
    const scanner = new MeshScanner(new EnvoyAdminSource(targets), { concurrency: 1 });
    scanner.start();
    await scanner.settled();
    const all = scanner.status(0);
    expect(all?.results).toHaveLength(3);
    expect(all?.next).toBe(3);
    expect(scanner.status(2)?.results.map((r) => r.id)).toEqual([all?.results[2]?.id]);
    expect(scanner.status(3)?.results).toEqual([]);
    expect(all?.results.every((r) => r.summary !== undefined)).toBe(true);
  });
});
