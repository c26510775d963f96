import { afterEach, describe, expect, it } from 'vitest';
import { createMeshSource, meshSourceConfigFromEnv, splitNamedTarget } from './createMeshSource';
import type { MeshSource } from './MeshSource';

const opened: MeshSource[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe('createMeshSource', () => {
  it('defaults to the demo simulator when nothing is configured', async () => {
    const r = await createMeshSource({});
    if (!r.ok) throw new Error(r.error.message);
    opened.push(r.value);
    expect(r.value.describe().kind).toBe('demo');
  });

  it('builds istiod + Envoy admin sources from flags, names included', async () => {
    const r = await createMeshSource({
      istiod: ['istiod-a=http://127.0.0.1:15014'],
      envoy: ['p-1.ns=http://127.0.0.1:15000'],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.describe()).toMatchObject({
      kind: 'istiod',
      targets: ['http://127.0.0.1:15014', 'http://127.0.0.1:15000'],
    });
  });

  it('refuses two kinds of source at once', async () => {
    const both = await createMeshSource({ istiod: ['http://x'], bugReport: 'a.tar.gz' });
    expect(both.ok ? 'ok' : both.error.message).toContain('several kinds');
  });

  it('hands Kubernetes settings to the Kubernetes factory', async () => {
    const seen: unknown[] = [];
    const r = await createMeshSource({ context: 'kind', timeoutMs: 1000 }, (config) => {
      seen.push(config);
      return Promise.resolve({
        ok: false,
        error: { kind: 'not_found', message: 'x', advice: 'y' },
      });
    });
    expect(r.ok).toBe(false);
    expect(seen).toEqual([{ context: 'kind', timeoutMs: 1000 }]);
  });

  it('reads MESHLENS_* variables only where flags are absent', () => {
    const env = {
      MESHLENS_ISTIOD: 'http://a:15014, http://b:15014',
      MESHLENS_ENVOY: 'http://e:15000',
    };
    expect(meshSourceConfigFromEnv(env, {})).toEqual({
      istiod: ['http://a:15014', 'http://b:15014'],
      envoy: ['http://e:15000'],
    });
    expect(meshSourceConfigFromEnv(env, { istiod: ['http://flag'] }).istiod).toEqual([
      'http://flag',
    ]);
  });

  it('splits name=target without mistaking URL or path characters for a name', () => {
    expect(splitNamedTarget('pilot1=http://127.0.0.1:1/x')).toEqual({
      name: 'pilot1',
      target: 'http://127.0.0.1:1/x',
    });
    expect(splitNamedTarget('http://h/debug?proxyID=a.b')).toEqual({
      target: 'http://h/debug?proxyID=a.b',
    });
    expect(splitNamedTarget('dir/a=b.json')).toEqual({ target: 'dir/a=b.json' });
  });
});
