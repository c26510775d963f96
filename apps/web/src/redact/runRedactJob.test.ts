import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseConfigDump } from '@meshlens/configdump';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { describeRedaction } from './describeRedaction';
import { runRedactJob } from './runRedactJob';

const file = fixture('istioctl-golden/proxy-status-diff-istio14/envoyconfigdump.json');

describeFixtures('runRedactJob', () => {
  const text = readFileSync(file, 'utf8');
  const ips = [...new Set(text.match(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g) ?? [])].filter(
    // Wildcards, loopback (Istio's 127.0.0.6 too) and broadcast identify nothing and stay.
    (ip) => ip !== '0.0.0.0' && ip !== '255.255.255.255' && !ip.startsWith('127.'),
  );

  it('redacts a gzipped File the same as its text, and the result still parses', async () => {
    expect(ips.length).toBeGreaterThan(0);
    const fromText = await runRedactJob({ kind: 'text', name: 'a.json', text }, {});
    const fromGzip = await runRedactJob(
      { kind: 'blob', name: 'a.json.gz', blob: new Blob([gzipSync(text)]) },
      {},
    );
    if (!fromText.ok || !fromGzip.ok) throw new Error('redaction failed');
    expect(fromGzip.text).toBe(fromText.text);
    for (const ip of ips) expect(fromText.text.includes(ip), ip).toBe(false);
    const parsed = parseConfigDump(fromText.text);
    const original = parseConfigDump(text);
    if (!parsed.ok || !original.ok) throw new Error('parse failed');
    expect(parsed.dump.clusters).toHaveLength(original.dump.clusters.length);
    expect(parsed.dump.listeners).toHaveLength(original.dump.listeners.length);
    expect(fromText.report.counts.ip).toBeGreaterThan(0);
    expect(describeRedaction(fromText.report)).toMatch(
      new RegExp(`^Replaced ${fromText.report.counts.ip} IP addresses[,. ]`),
    );
  });

  it('a YAML or broken source is an error value naming the file', async () => {
    const r = await runRedactJob({ kind: 'text', name: 'x.yaml', text: 'a: [1' }, {});
    expect(r).toEqual({ ok: false, message: expect.stringContaining('x.yaml') as string });
  });
});
