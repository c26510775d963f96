// "Export redacted…" on real dumps, read as JSON and as YAML: the download holds none of the
// original IP addresses or certificate / key bytes, parses back to the same counts, and nothing
// leaves the browser. (The fixtures hold no JWTs or credential headers: token redaction is
// covered by packages/redact's unit tests.)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { JsonValue } from '@meshlens/configdump';
import { toBlockYaml } from '../../tests/conformance/redactYaml';
import { DiffPage } from '../pages/DiffPage';
import { loadDumpFile } from '../support/flows';
import { parseDumpFile, parseDumpText } from '../support/model';
import { fixture } from '../support/paths';
import { useMeshlens } from '../support/session';

const session = useMeshlens();

/** Identifying IPv4 addresses of a text (not wildcards, loopback, broadcast), read by the test. */
function ipsOf(text: string): string[] {
  return [...new Set(text.match(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g) ?? [])].filter(
    (ip) => ip !== '0.0.0.0' && ip !== '255.255.255.255' && !ip.startsWith('127.'),
  );
}

/** Certificate / key payloads (base64 and the PEM text inside), other than Envoy's `[redacted]`. */
function secretsOf(v: JsonValue, key = '', out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => secretsOf(x, key, out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      const holder = /certificate_?chain|private_?key|trusted_?ca/i.test(key);
      if (holder && /inline_?(bytes|string)/i.test(k) && typeof x === 'string') {
        const pem = /bytes/i.test(k) ? Buffer.from(x, 'base64').toString('utf8') : x;
        if (pem.includes('-----BEGIN')) {
          out.push(x.slice(0, 60));
          // The first line of the PEM body, which no placeholder shares.
          out.push(pem.split('\n')[1]!.slice(0, 40));
        }
      } else secretsOf(x, k, out);
    }
  return out;
}

const cases = [
  {
    name: 'a JSON sidecar dump with certificates, hostnames and namespaces asked for',
    file: fixture('config-dumps', 'istio-sidecar-v3-lds-cds-rds-partial.json'),
    yaml: false,
    options: { hostnames: true, namespaces: true },
  },
  {
    name: 'the istio 1.3 productpage sidecar (JSON), hostnames and namespaces asked for',
    file: fixture('config-dumps', 'istio13rc-productpage-sidecar-v2alpha.json'),
    yaml: false,
    options: { hostnames: true, namespaces: true },
  },
  {
    name: 'an istio 1.4 sidecar dump with certificates, uploaded as YAML',
    file: fixture('istioctl-golden', 'proxy-status-diff-istio14', 'envoyconfigdump.json'),
    yaml: true,
    options: { hostnames: false, namespaces: false },
  },
];

describe('redacted export', () => {
  for (const c of cases)
    test(`${c.name}: no original IP or secret, same counts, nothing sent`, async () => {
      const original = parseDumpFile(c.file);
      const text = readFileSync(c.file, 'utf8');
      const raw = JSON.parse(text) as JsonValue;
      const ips = ipsOf(text);
      const secrets = secretsOf(raw);
      expect(ips.length, 'the fixture has IP addresses to redact').toBeGreaterThan(3);
      let upload = c.file;
      if (c.yaml) {
        upload = join(mkdtempSync(join(tmpdir(), 'meshlens-redact-')), 'envoyconfigdump.yaml');
        writeFileSync(upload, toBlockYaml(raw));
        expect(secrets.length, 'the fixture has certificates to redact').toBeGreaterThan(0);
      }

      const s = session();
      await s.shell.open();
      const label = await loadDumpFile(s, upload);
      // All in the browser: nothing but GETs (the app and its worker scripts) while exporting.
      const sent: string[] = [];
      s.page.on('request', (r) => {
        if (r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
      });
      const page = new DiffPage(s.page);
      const got = await page.exportRedacted(c.options);
      expect(got.fileName).toBe(`${label.replace(/\.(?:json|ya?ml)$/, '')}-redacted.json`);
      expect(sent).toEqual([]);
      const redactedText = got.bytes.toString('utf8');
      expect(redactedText.trimStart().startsWith('{'), 'the download is JSON').toBe(true);
      for (const ip of ips)
        expect(redactedText.includes(ip), `${ip} is still in the export`).toBe(false);
      for (const secret of secrets)
        expect(redactedText.includes(secret), `${secret} is still in the export`).toBe(false);
      const redacted = parseDumpText(redactedText, got.fileName);
      expect(redacted.listeners).toHaveLength(original.listeners.length);
      expect(redacted.clusters).toHaveLength(original.clusters.length);
      expect(redacted.routeConfigs).toHaveLength(original.routeConfigs.length);
      expect(redacted.endpoints).toHaveLength(original.endpoints.length);
      expect(redacted.secrets).toHaveLength(original.secrets.length);
      expect(redacted.index.references).toHaveLength(original.index.references.length);
      const report = await page.redactReport();
      if (c.options.hostnames) {
        expect(report).toMatch(/^Replaced \d+ IP addresses, \d+ hostnames, \d+ namespaces/);
        // Every Kubernetes service FQDN of the original is gone.
        for (const fqdn of new Set(text.match(/\b[a-z0-9-]+\.[a-z0-9-]+\.svc\.cluster\.local\b/g)))
          expect(redactedText.includes(fqdn), `${fqdn} is still in the export`).toBe(false);
      } else expect(report).toMatch(/^Replaced \d+ IP addresses/);
      if (c.yaml) expect(report).toContain('Read from YAML, saved as JSON.');
    });
});
