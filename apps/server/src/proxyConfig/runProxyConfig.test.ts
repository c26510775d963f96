import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProxyConfig } from '../cli/proxyConfigCommand';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runProxyConfig(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-pc-unit-'));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('meshlens proxy-config (in-process)', () => {
  it('reads a YAML dump too', async () => {
    const p = file(
      'd.yaml',
      'configs:\n- "@type": type.googleapis.com/envoy.admin.v3.RoutesConfigDump\n  dynamic_route_configs:\n  - route_config: {name: "80", virtual_hosts: []}\n',
    );
    const r = await run(['route', '--verbose=false', '--file', p]);
    expect(r).toEqual({ code: 0, out: 'NAME     VIRTUAL HOSTS\n80       0\n', err: '' });
  });

  it('a broken file: exit 1, one line naming the file, the position and the problem', async () => {
    const r = await run([
      'cluster',
      '--file',
      file('bad.json', '{"configs": [\n  {"@type": }\n]}'),
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^meshlens proxy-config: cannot read .*bad\.json: invalid JSON at line 2, column \d+: .+\n$/,
    );
  });

  it('valid JSON that is not a dump is reported as such', async () => {
    const r = await run(['cluster', '--file', file('x.json', '{"hello": 1}')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a config dump/);
  });

  it('a missing file is a one-line error', async () => {
    const r = await run(['cluster', '--file', '/nonexistent/dump.json']);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: 'meshlens proxy-config: cannot read /nonexistent/dump.json: no such file\n',
    });
  });

  it('usage errors come from commander with a non-zero exit: unknown type, bad -o, bad --port', async () => {
    for (const argv of [
      ['clusters', '--file', 'x'],
      ['cluster', '-o', 'xml', '--file', 'x'],
      ['cluster', '--port', 'http', '--file', 'x'],
      ['cluster'],
    ]) {
      const r = await run(argv);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(/error: /);
    }
  });
});
