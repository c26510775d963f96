import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseConfigDump, type JsonValue } from '@meshlens/configdump';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { toBlockYaml } from '../../../../tests/conformance/redactYaml';
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

  it('redacts a YAML dump (gzipped too) into JSON that parses to the same counts', async () => {
    // The real JSON fixture written as YAML, so the YAML path sees real IPs and real names.
    const yamlText = toBlockYaml(JSON.parse(text) as JsonValue);
    expect(yamlText).toMatch(/^"configs":\n {2}- "@type": /);
    const fromYaml = await runRedactJob({ kind: 'text', name: 'a.yaml', text: yamlText }, {});
    const fromGzip = await runRedactJob(
      { kind: 'blob', name: 'a.yaml.gz', blob: new Blob([gzipSync(yamlText)]) },
      {},
    );
    const fromJson = await runRedactJob({ kind: 'text', name: 'a.json', text }, {});
    if (!fromYaml.ok || !fromGzip.ok || !fromJson.ok) throw new Error('redaction failed');
    expect([fromYaml.from, fromYaml.gzip, fromGzip.from, fromGzip.gzip]).toEqual([
      'yaml',
      false,
      'yaml',
      true,
    ]);
    expect(fromYaml.text).toBe(fromJson.text);
    expect(fromGzip.text).toBe(fromJson.text);
    for (const ip of ips) expect(fromYaml.text.includes(ip), ip).toBe(false);
    // A real YAML capture (istioctl's ECDS output) reads too.
    const ecds = readFileSync(fixture('istioctl-golden/pc-ecds-v3/output.yaml'), 'utf8');
    const r = await runRedactJob({ kind: 'text', name: 'output.yaml', text: ecds }, {});
    if (!r.ok) throw new Error(r.message);
    const parsed = parseConfigDump(r.text);
    const original = parseConfigDump(ecds);
    if (!parsed.ok || !original.ok) throw new Error('parse failed');
    expect(parsed.dump.extensionConfigs.length).toBe(original.dump.extensionConfigs.length);
    expect(parsed.dump.extensionConfigs.length).toBeGreaterThan(0);
  });

  it('a broken source is an error value naming the file and the line:column', async () => {
    const r = await runRedactJob({ kind: 'text', name: 'x.yaml', text: 'a: [1' }, {});
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/^x\.yaml: .*line:column 1:/) as string,
    });
    const j = await runRedactJob({ kind: 'text', name: 'y.json', text: '{"a":\n  ]' }, {});
    expect(j).toEqual({
      ok: false,
      message: expect.stringMatching(/^y\.json: .*line:column 2:3/) as string,
    });
  });
});
