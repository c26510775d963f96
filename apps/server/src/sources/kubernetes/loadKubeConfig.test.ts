import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKubeConfig } from './loadKubeConfig';

const dir = mkdtempSync(join(tmpdir(), 'meshlens-kube-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: kind-demo
  cluster: { server: 'https://127.0.0.1:6443', insecure-skip-tls-verify: true }
- name: prod
  cluster: { server: 'https://prod.example:443' }
users:
- name: dev
  user: { token: not-a-real-token }
contexts:
- name: kind-demo
  context: { cluster: kind-demo, user: dev }
- name: prod
  context: { cluster: prod, user: dev }
current-context: kind-demo
`;

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('loadKubeConfig (kubeconfig files only: no API server here)', () => {
  it('loads the current context, or the one asked for', () => {
    const path = file('ok.yaml', KUBECONFIG);
    const current = loadKubeConfig({ kubeconfig: path });
    expect(current.ok && current.value.getCurrentCluster()?.server).toBe('https://127.0.0.1:6443');
    const prod = loadKubeConfig({ kubeconfig: path, context: 'prod' });
    expect(prod.ok && prod.value.getCurrentCluster()?.server).toBe('https://prod.example:443');
  });

  it('names the known contexts when the one asked for does not exist', () => {
    const r = loadKubeConfig({ kubeconfig: file('ctx.yaml', KUBECONFIG), context: 'staging' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      kind: 'not_found',
      message: 'no context "staging" in the kubeconfig',
      advice: 'Known contexts: kind-demo, prod.',
    });
  });

  it('reports a missing file with where to put one', () => {
    const r = loadKubeConfig({ kubeconfig: join(dir, 'nope.yaml') });
    expect(r.ok ? 'ok' : r.error).toMatchObject({
      kind: 'io',
      message: 'kubeconfig not found',
      advice: expect.stringContaining('--kubeconfig'),
    });
  });

  it('falls back to $KUBECONFIG, then reports an unreadable file as malformed', () => {
    const r = loadKubeConfig({}, { KUBECONFIG: file('bad.yaml', 'clusters: [unclosed\n') });
    expect(r.ok ? 'ok' : r.error.kind).toBe('malformed');
  });

  it('reports a kubeconfig without a current context', () => {
    const r = loadKubeConfig({
      kubeconfig: file('nocurrent.yaml', KUBECONFIG.replace('current-context: kind-demo\n', '')),
    });
    expect(r.ok ? 'ok' : r.error.message).toBe(
      'the kubeconfig has no current context with a cluster',
    );
  });

  it('refuses in-cluster mode outside a pod', () => {
    const r = loadKubeConfig({ inCluster: true }, {});
    expect(r.ok ? 'ok' : r.error.kind).toBe('not_available');
  });
});
