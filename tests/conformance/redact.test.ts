// Redaction on every config dump of the fixtures: the redacted dump parses into the same model
// shape, keeps its references, draws the same proxy graph, and holds none of the original IPs,
// secret bytes, hostnames or namespaces. The values to hunt for are collected here by walks written
// for the test (and Node's own IP parser), not by the redaction code.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';
import { expect, it } from 'vitest';
import {
  parseConfigDump,
  type ConfigDump,
  type JsonValue,
} from '../../packages/configdump/src/index';
import { runRedact } from '../../apps/server/src/cli/redactCommand';
import { buildProxyGraph } from '../../packages/proxy-graph/src/index';
import { redactDump } from '../../packages/redact/src/index';
import { describeFixtures, fixture, listFixtureFiles } from './fixtures';

const files = [...listFixtureFiles('config-dumps'), ...listFixtureFiles('istioctl-golden')].filter(
  (f) => /\.(json|yaml)$/.test(f),
);

/** The dumps: files that are JSON (one `.yaml` is JSON too) and parse as a config dump. */
const dumps = files.flatMap((f) => {
  const text = readFileSync(fixture(f), 'utf8');
  let raw: JsonValue;
  try {
    raw = JSON.parse(text) as JsonValue;
  } catch {
    return []; // real YAML: the CLI converts it, the pure function takes parsed JSON
  }
  const parsed = parseConfigDump(text, { fileName: f });
  return parsed.ok ? [{ f, raw, text, dump: parsed.dump }] : [];
});

const parse = (json: JsonValue, f: string): ConfigDump => {
  const r = parseConfigDump(JSON.stringify(json), { fileName: f });
  if (!r.ok) throw new Error(`${f} redacted: ${r.error.message}`);
  return r.dump;
};

function shape(d: ConfigDump): Record<string, number | string> {
  const vhosts = d.routeConfigs.flatMap((r) => r.virtualHosts);
  const via = (list: { via: string }[]): string =>
    list
      .map((x) => x.via)
      .sort()
      .join(',');
  return {
    listeners: d.listeners.length,
    filterChains: d.listeners.reduce((n, l) => n + l.filterChains.length, 0),
    routeConfigs: d.routeConfigs.length,
    virtualHosts: vhosts.length,
    routes: vhosts.reduce((n, v) => n + v.routes.length, 0),
    clusters: d.clusters.length,
    endpoints: d.endpoints.reduce((n, e) => n + e.endpoints.length, 0),
    secrets: d.secrets.length,
    extensionConfigs: d.extensionConfigs.length,
    references: d.index.references.length,
    dangling: d.index.dangling.length,
    referenceKinds: via(d.index.references),
    danglingKinds: via(d.index.dangling),
  };
}

/** Node count per column and kind, edge count, and each column's sorted degree sequence. */
function graphShape(d: ConfigDump): Record<string, string | number> {
  const g = buildProxyGraph(d);
  const degree = new Map<string, number>();
  for (const e of g.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const out: Record<string, string | number> = { edges: g.edges.length, nodes: g.nodes.length };
  const columns = new Map<string, number[]>();
  for (const n of g.nodes) {
    const key = `${n.column}:${n.kind}`;
    columns.set(key, [...(columns.get(key) ?? []), degree.get(n.id) ?? 0]);
  }
  for (const [key, degrees] of columns) out[key] = degrees.sort((a, b) => a - b).join(',');
  out.edgeKinds = g.edges
    .map((e) => e.kind)
    .sort()
    .join(',');
  return out;
}

/** Every string of a JSON value (values, and keys that are not plain field names). */
function strings(v: JsonValue, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (!/^[A-Za-z_@][A-Za-z0-9_]*$/.test(k)) out.push(k);
      strings(x, out);
    }
  return out;
}

/** IP addresses that identify something (not wildcards / loopback), found with Node's parser. */
function identifyingIps(raw: JsonValue): Set<string> {
  const ips = new Set<string>();
  for (const s of strings(raw)) {
    for (const m of s.match(/\d{1,3}(?:\.\d{1,3}){3}/g) ?? [])
      if (isIP(m) === 4 && m !== '0.0.0.0' && !m.startsWith('127.') && m !== '255.255.255.255')
        ips.add(m);
    for (const m of s.match(/[0-9A-Fa-f:]*::?[0-9A-Fa-f:]+/g) ?? [])
      if (isIP(m) === 6 && m !== '::' && m !== '::1' && m !== '::0') ips.add(m);
  }
  return ips;
}

/** `inline_bytes` / `inline_string` of certificate chains, keys, CAs (other than Envoy's own `[redacted]`). */
function secretBytes(v: JsonValue, key = '', out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => secretBytes(x, key, out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      const holder = /certificate_?chain|private_?key|trusted_?ca/i.test(key);
      if (
        holder &&
        /inline_?(bytes|string)/i.test(k) &&
        typeof x === 'string' &&
        x !== '[redacted]'
      )
        out.push(x);
      else secretBytes(x, k, out);
    }
  return out;
}

/** Hostnames (two or more labels, not IPs) and namespaces the dump names, read by the test. */
function hostsAndNamespaces(raw: JsonValue): { hosts: Set<string>; namespaces: Set<string> } {
  const hosts = new Set<string>();
  const namespaces = new Set<string>();
  const walk = (v: JsonValue, key: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k);
      return;
    }
    if (typeof v !== 'string') return;
    if (key === 'NAMESPACE') namespaces.add(v);
    const istio = /^(?:inbound|outbound)\|\d*\|[^|]*\|(.+)$/.exec(v)?.[1];
    const candidates = key === 'domains' ? [v] : istio ? [istio] : [];
    for (const c of candidates) {
      const host = c.replace(/:\d+$/, '').replace(/^\*\./, '');
      if (host.includes('.') && isIP(host) === 0 && /^[a-z0-9.-]+$/.test(host)) hosts.add(host);
      const k8s = /^[a-z0-9-]+\.([a-z0-9-]+)\.svc\.cluster\.local$/.exec(host);
      if (k8s) namespaces.add(k8s[1]!);
    }
  };
  walk(raw, '');
  return { hosts, namespaces };
}

/** Service short names and namespaces of the dump's Kubernetes FQDNs, read by the test. */
function shortNames(raw: JsonValue): { hostLabels: Set<string>; namespaces: Set<string> } {
  const hostLabels = new Set<string>();
  const namespaces = new Set<string>();
  for (const s of strings(raw))
    for (const m of s.matchAll(/(?<![a-z0-9.-])([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local/g)) {
      hostLabels.add(m[1]!);
      namespaces.add(m[2]!);
    }
  return { hostLabels, namespaces };
}

/**
 * True when a namespace is still written where a namespace goes: before `.svc`, after `name.`
 * at the end of a dotted name, in `/namespaces/<ns>/` and `/ns/<ns>/`. (`default` as an SDS
 * secret name or a service account is not a namespace, and stays.)
 */
const namespaceSurvives = (haystack: string, ns: string): boolean => {
  const n = ns.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `(?<![A-Za-z0-9-])${n}\\.svc\\b|[a-z0-9-]\\.${n}(?![A-Za-z0-9.-])|/namespaces/${n}/|/ns/${n}/`,
  ).test(haystack);
};

const survives = (haystack: string, needle: string): boolean =>
  new RegExp(
    `(?<![A-Za-z0-9-])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9-])`,
  ).test(haystack);

describeFixtures('redactDump on every fixture config dump', () => {
  it('covers the dumps of config-dumps/ and istioctl-golden/', () => {
    expect(dumps.length).toBeGreaterThan(30);
    expect(dumps.some((d) => d.f.startsWith('config-dumps/'))).toBe(true);
  });

  for (const options of [{}, { hostnames: true }, { hostnames: true, namespaces: true }]) {
    const label =
      Object.keys(options)
        .map((k) => `--${k}`)
        .join(' ') || 'default';
    it(`${label}: same model shape, references and graph; no original IP, secret${'hostnames' in options ? ', hostname' : ''}${'namespaces' in options ? ' or namespace' : ''} left; idempotent`, () => {
      let ipsSeen = 0;
      let secretsSeen = 0;
      let hostsSeen = 0;
      for (const { f, raw, dump } of dumps) {
        const { json, report } = redactDump(raw, options);
        const redacted = parse(json, f);
        expect(shape(redacted), f).toEqual(shape(dump));
        expect(graphShape(redacted), f).toEqual(graphShape(dump));

        const text = strings(json).join('\n');
        const ips = identifyingIps(raw);
        ipsSeen += ips.size;
        for (const ip of ips) expect(survives(text, ip), `${f}: ${ip} survived`).toBe(false);
        const secrets = secretBytes(raw);
        secretsSeen += secrets.length;
        for (const s of secrets) {
          expect(text.includes(s), `${f}: secret bytes survived`).toBe(false);
          expect(text.includes(s.slice(0, 40)), `${f}: secret prefix survived`).toBe(false);
        }
        if ('hostnames' in options) {
          const { hosts, namespaces } = hostsAndNamespaces(raw);
          hostsSeen += hosts.size;
          for (const h of hosts) expect(survives(text, h), `${f}: host ${h} survived`).toBe(false);
          if ('namespaces' in options)
            for (const ns of namespaces)
              expect(namespaceSurvives(text, ns), `${f}: namespace ${ns} survived`).toBe(false);
        }
        // Placeholders are one-to-one, and redacting again changes nothing.
        for (const map of Object.values(report.mapping)) {
          const values = Object.values(map);
          expect(new Set(values).size, f).toBe(values.length);
        }
        expect(redactDump(json, options).json, `${f} twice`).toEqual(json);
      }
      // The fixtures do hold what the test hunts for.
      expect(ipsSeen).toBeGreaterThan(100);
      expect(secretsSeen).toBeGreaterThan(3);
      if ('hostnames' in options) expect(hostsSeen).toBeGreaterThan(100);
    });
  }

  it('--hostnames --namespaces leaves names that are not hostnames alone (route, cluster and secret names, stat prefixes, paths, tags)', () => {
    // Fields that never hold a hostname, and names without a dot or `|` (`prometheus_stats`,
    // `xds-grpc`, the SDS secret `default`): with or without --hostnames they must read the same
    // (IPs and tokens are replaced in both). The test counts those holding a service's short name
    // or a namespace as a word, which the old token-by-token redaction rewrote.
    const NEVER_HOST = new Set(['prefix', 'path', 'tag', 'tag_name', 'runtime_key']);
    const NAMES = new Set(['name', 'cluster', 'stat_prefix', 'route_config_name', 'cluster_name']);
    let checked = 0;
    let withServiceWord = 0;
    for (const { f, raw } of dumps) {
      const { hostLabels, namespaces } = shortNames(raw);
      const plain = redactDump(raw).json;
      const hosts = redactDump(raw, { hostnames: true, namespaces: true }).json;
      const walk = (o: JsonValue, a: JsonValue, b: JsonValue, key: string): void => {
        if (typeof o === 'string') {
          const bare = NAMES.has(key) && !/[.|]/.test(o);
          if (!NEVER_HOST.has(key) && !bare) return;
          checked++;
          const words = o.split(/[^A-Za-z0-9-]+/);
          if (words.some((w) => hostLabels.has(w) || namespaces.has(w))) withServiceWord++;
          expect(b, `${f}: ${key} ${o}`).toBe(a);
        } else if (Array.isArray(o)) {
          o.forEach((x, i) => walk(x, (a as JsonValue[])[i]!, (b as JsonValue[])[i]!, key));
        } else if (o !== null && typeof o === 'object') {
          const av = Object.values(a as object) as JsonValue[];
          const bv = Object.values(b as object) as JsonValue[];
          Object.entries(o).forEach(([k, x], i) => walk(x, av[i]!, bv[i]!, k));
        }
      };
      walk(raw, plain, hosts, '');
    }
    expect(checked).toBeGreaterThan(1000);
    expect(withServiceWord).toBeGreaterThan(50);
  });

  it('--hostnames on the istio 1.3 productpage sidecar: hostnames in context replaced, the same words elsewhere kept', () => {
    const { raw } = dumps.find((d) => d.f.endsWith('istio13rc-productpage-sidecar-v2alpha.json'))!;
    const { json, report } = redactDump(raw, { hostnames: true, namespaces: true });
    const text = strings(json).join('\n');
    const h = report.mapping.hostname;
    const ns = report.mapping.namespace;
    // Kept: a cluster and a path that share a word with the `prometheus` service, a stats tag
    // sharing `security`, the `kubernetes://` scheme and a `kubernetes.io/` annotation key,
    // the SDS secret named `default`.
    for (const kept of [
      'prometheus_stats',
      '/stats/prometheus',
      'connection_security_policy',
      'kubernetes://',
      'kubernetes.io/psp',
    ])
      expect(text, kept).toContain(kept);
    expect(strings(json)).toContain('default');
    // Replaced: FQDNs, Istio cluster names and SNIs, name.namespace, SPIFFE ids, node metadata.
    expect(h.prometheus && h.security && h.kubernetes && h.productpage).toBeTruthy();
    expect(text).toContain(`outbound|9080||${h.reviews}.${ns.default}.svc.cluster.local`);
    expect(text).toContain(`outbound_.9080_.v1_.${h.details}.${ns.default}.svc.cluster.local`);
    expect(text).toContain(`${h['istio-pilot']}.${ns['istio-system']}`);
    expect(text).toContain(`istio://${ns.default}/services/${h.productpage}`);
    expect(text).toMatch(new RegExp(`/ns/${ns.default}/sa/`));
    // Left: the service account and a DestinationRule's name, which are not hostnames.
    const left = [...text.matchAll(/[^\n]{0,20}\bproductpage\b/g)].map((m) => m[0]);
    expect(left.length).toBeGreaterThan(0);
    for (const l of left) expect(l).toMatch(/(?:bookinfo-|destination-rule\/)productpage$/);
  });

  it('the same value gets the same placeholder in two different dumps', () => {
    const a = redactDump(
      dumps.find((d) => d.f.endsWith('istio13-ingressgateway-v2alpha.json'))!.raw,
      {
        hostnames: true,
      },
    ).report.mapping;
    const b = redactDump(
      dumps.find((d) => d.f.endsWith('istio13-ingressgateway-hybrid-v3admin-v2api.json'))!.raw,
      { hostnames: true },
    ).report.mapping;
    const shared = Object.keys(a.ip).filter((ip) => ip in b.ip);
    expect(shared.length).toBeGreaterThan(0);
    for (const ip of shared) expect(b.ip[ip]).toBe(a.ip[ip]);
    for (const h of Object.keys(a.hostname).filter((x) => x in b.hostname))
      expect(b.hostname[h]).toBe(a.hostname[h]);
  });

  it('meshlens redact --file --hostnames --namespaces --out writes a dump that reads like the original (YAML input too)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlens-redact-'));
    for (const rel of [
      'config-dumps/istio13rc-productpage-sidecar-v2alpha.json',
      'istioctl-golden/pc-ecds-v3/output.yaml',
    ]) {
      const out = join(dir, 'out.json');
      const mapping = join(dir, 'map.json');
      const messages: string[] = [];
      const code = runRedact(
        { file: fixture(rel), hostnames: true, namespaces: true, out, mapping },
        () => undefined,
        (m) => messages.push(m),
      );
      expect(code, rel).toBe(0);
      expect(messages.join('\n')).toMatch(/^redacted: \d+ IP address occurrences/);
      const original = parseConfigDump(readFileSync(fixture(rel)), { fileName: rel });
      const redacted = parseConfigDump(readFileSync(out), { fileName: out });
      if (!original.ok || !redacted.ok) throw new Error(`${rel}: does not parse`);
      expect(shape(redacted.dump), rel).toEqual(shape(original.dump));
      expect(Object.keys(JSON.parse(readFileSync(mapping, 'utf8')) as object)).toEqual([
        'counts',
        'mapping',
        'notes',
      ]);
    }
    const errors: string[] = [];
    expect(
      runRedact(
        { file: join(dir, 'missing.json') },
        () => undefined,
        (m) => errors.push(m),
      ),
    ).toBe(2);
    expect(errors[0]).toMatch(/cannot read .*missing\.json: no such file/);
  });
});
