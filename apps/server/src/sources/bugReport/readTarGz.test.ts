import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readTarGz } from './readTarGz';
import { writeTarGz } from './writeTar.testing';

const haveTar = spawnSync('tar', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'meshlens-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTarGz', () => {
  it.skipIf(!haveTar)(
    'reads an archive written by GNU tar (ustar prefix / long names, empty files, folders)',
    () => {
      const longDir = `bug-report/cluster/${'very-long-cluster-name-'.repeat(4)}/bookinfo/productpage-v1-abc-xyz/istio-proxy`;
      const files: Record<string, string> = {
        'bug-report/istio/istio-system/istiod-1/debug/syncz': '[{"proxy":"a.b"}]',
        [`${longDir}/config_dump.json`]: '{"configs": []}\n'.repeat(100),
        'bug-report/empty.txt': '',
      };
      const root = join(dir, 'src');
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      for (const format of ['gnu', 'pax', 'ustar']) {
        const archive = join(dir, `a-${format}.tar.gz`);
        const r = spawnSync('tar', [
          `--format=${format}`,
          '-czf',
          archive,
          '-C',
          root,
          'bug-report',
        ]);
        if (r.status !== 0) throw new Error(`tar failed: ${r.stderr.toString()}`);
        const read = readTarGz(readFileSync(archive));
        expect(read.ok, format).toBe(true);
        if (!read.ok) return;
        const got = Object.fromEntries(read.entries.map((e) => [e.path, e.data.toString('utf8')]));
        expect(got, format).toEqual(files);
      }
    },
  );

  it('reads GNU long-name entries from our own writer', () => {
    const long = `a/${'b'.repeat(150)}/config_dump.json`;
    const read = readTarGz(writeTarGz({ short: 'x', [long]: 'y'.repeat(1000) }));
    expect(read.ok && read.entries.map((e) => [e.path, e.data.length])).toEqual([
      ['short', 1],
      [long, 1000],
    ]);
  });

  it('reports a truncated archive, a corrupt header and a non-gzip file', () => {
    const full = writeTarGz({ f: 'z'.repeat(5000) });
    const tar = gunzipSync(full);
    const cut = readTarGz(gzipSync(tar.subarray(0, 2048)));
    expect(cut.ok ? 'ok' : cut.error.message).toMatch(/truncated/);
    const corrupt = Buffer.from(tar);
    corrupt[10] = 0x41;
    const bad = readTarGz(gzipSync(corrupt));
    expect(bad.ok ? 'ok' : bad.error.message).toMatch(/bad header checksum at byte 0/);
    const notGzip = readTarGz(Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    expect(notGzip.ok ? 'ok' : notGzip.error.message).toMatch(/not a valid gzip/);
  });

  it('refuses archives that decompress past the limit', () => {
    const big = writeTarGz({ f: Buffer.alloc(200_000) });
    const r = readTarGz(big, { maxBytes: 50_000 });
    expect(r.ok ? 'ok' : r.error.message).toMatch(/larger than 50000 bytes/);
  });
});
