// `meshlens proxy-status` over the sources other than --istiod/--file (those are in
// tests/conformance/proxy-status.test.ts): bug-report archive, environment, Kubernetes errors, demo.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runProxyStatus } from '../cli/proxyStatusCommand';
import { writeTarGz } from './bugReport/writeTar.testing';
import { demoSyncz } from './demo/istiodDebugData';
import { startTestServer, stopAll } from './testServer.testing';

const dir = mkdtempSync(join(tmpdir(), 'meshlens-ps-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopAll();
});

async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runProxyStatus(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    env,
  });
  return { code, out, err };
}

describe('meshlens proxy-status from other sources', () => {
  it('reads the syncz inside a simulated bug-report built from the demo mesh', async () => {
    const mesh = generateDemoMesh();
    const archive = join(dir, 'br.tar.gz');
    writeFileSync(
      archive,
      writeTarGz({
        'bug-report/istio/istio-system/istiod-x1/debug/syncz': JSON.stringify(demoSyncz(mesh)),
      }),
    );
    const r = await run(['--bug-report', archive]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(mesh.proxies.length + 1);
    const stale = lines.filter((l) => / STALE /.test(l));
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatch(
      /^reviews-v2-\S+\.bookinfo\s+Kubernetes\s+STALE\s+STALE\s+SYNCED\s+SYNCED\s+NOT SENT\s+istiod-x1\s+1\.24\.2$/,
    );
  });

  it('uses MESHLENS_ISTIOD when no flag names a source', async () => {
    const s = await startTestServer((_req, res) =>
      res.writeHead(200).end(JSON.stringify([{ proxy: 'a-1.ns', istio_version: '1.2' }])),
    );
    const r = await run([], { MESHLENS_ISTIOD: `istiod-env=${s.url}` });
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]?.replace(/\s+/g, ' ')).toBe(
      'a-1.ns NOT SENT NOT SENT NOT SENT NOT SENT NOT SENT istiod-env 1.2',
    );
  });

  it('says an Envoy admin alone has no sync state (exit 2)', async () => {
    const r = await run(['--envoy', 'http://127.0.0.1:15000']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('an Envoy admin alone has no sync state');
  });

  it('reports a missing kubeconfig and exits 1', async () => {
    const r = await run(['--kubeconfig', join(dir, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('kubeconfig not found');
  });

  it('prints -o yaml from the demo simulator', async () => {
    const r = await run(['--demo', '-o', 'yaml', 'reviews-v2']);
    expect(r.code).toBe(0);
    const value = parseYaml(r.out) as { proxyId: string; states: Record<string, string> }[];
    expect(value).toHaveLength(1);
    expect(value[0]?.states).toMatchObject({ CDS: 'STALE', LDS: 'STALE', EDS: 'SYNCED' });
  });

  it('rejects a bad --timeout with the syntax', async () => {
    const r = await run(['--demo', '--timeout', 'soon']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('e.g. 2s');
  });
});
