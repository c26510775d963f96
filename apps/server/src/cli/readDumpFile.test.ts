import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dumpJson, dumpText, readDumpFile } from './readDumpFile';

const dir = mkdtempSync(join(tmpdir(), 'meshlens-read-'));
const write = (name: string, data: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const dump = JSON.stringify({
  configs: [
    {
      '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
      static_clusters: [{ cluster: { name: 'a', type: 'STATIC' } }],
    },
  ],
});

describe('readDumpFile', () => {
  it('reads plain and gzipped dumps, keeping the bytes for the raw document', () => {
    for (const p of [write('d.json', dump), write('d.json.gz', gzipSync(dump))]) {
      const r = readDumpFile(p);
      expect(r.ok && r.dump.clusters.map((c) => c.name)).toEqual(['a']);
      if (r.ok) {
        expect(dumpText(r.bytes)).toBe(dump);
        expect(dumpJson(r.bytes)).toEqual(JSON.parse(dump));
      }
    }
  });

  it('reads YAML back as the same document', () => {
    const p = write(
      'd.yaml',
      'configs:\n  - "@type": type.googleapis.com/envoy.admin.v3.ClustersConfigDump\n',
    );
    const r = readDumpFile(p);
    expect(r.ok).toBe(true);
    if (r.ok) expect(dumpJson(r.bytes)).toEqual({ configs: [{ '@type': expect.any(String) }] });
  });

  it('says where invalid JSON breaks (line:column)', () => {
    const p = write('bad.json', '{\n  "configs": [\n    {"@type": }\n');
    const r = readDumpFile(p);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(/^cannot read .*bad\.json: invalid JSON at line 3, column \d+: /);
  });

  it('says what was expected when the JSON is not a dump', () => {
    const p = write('pkg.json', readFileSync(join(process.cwd(), 'package.json')));
    const r = readDumpFile(p);
    expect(!r.ok && r.message).toMatch(
      /not a config dump: expected an Envoy admin config dump.*found an object with keys name/,
    );
  });

  it('names the file system problem', () => {
    const r = readDumpFile(join(dir, 'missing.json'));
    expect(!r.ok && r.message).toBe(`cannot read ${join(dir, 'missing.json')}: no such file`);
    const d = readDumpFile(dir);
    expect(!d.ok && d.message).toBe(`cannot read ${dir}: is a directory`);
  });
});
