// The tables against istioctl's own golden `proxy-config` output for the same dumps: the rows and
// the values of the columns both have must match.
import { readFileSync } from 'node:fs';
import { type ConfigDump, parseConfigDump } from '@meshlens/configdump';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { clusterRows } from './clusterRows';
import { endpointRows } from './endpointRows';
import { listenerRows } from './listenerRows';
import { routeRows } from './routeRows';
import { type SecretRow, secretRows } from './secretRows';

const multiWordHeaders = new Set([
  'SERVICE FQDN',
  'DESTINATION RULE',
  'VHOST NAME',
  'VIRTUAL SERVICE',
  'RESOURCE NAME',
  'VALID CERT',
  'SERIAL NUMBER',
  'NOT AFTER',
  'NOT BEFORE',
]);

/** Splits istioctl's space-aligned tables (blank-line separated) into rows keyed by header. */
function goldenTables(text: string): Record<string, string>[][] {
  const tables: Record<string, string>[][] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const header = lines[0];
    if (!header || !/^[A-Z][A-Z ]+$/.test(header.trim()) || !header.includes('  ')) continue;
    // Columns start at header words; multi-word headers are joined (istioctl pads some columns
    // with a single space only, e.g. `ADDRESSES PORT  MATCH`).
    const words = [...header.matchAll(/\S+/g)].map((m) => ({ name: m[0], at: m.index }));
    const starts: { name: string; at: number }[] = [];
    for (const w of words) {
      const prev = starts.at(-1);
      if (prev && multiWordHeaders.has(`${prev.name} ${w.name}`)) prev.name += ` ${w.name}`;
      else starts.push({ ...w });
    }
    tables.push(
      lines.slice(1).map((line) => {
        const row: Record<string, string> = {};
        starts.forEach((c, i) => {
          const end = starts[i + 1]?.at ?? line.length;
          row[c.name] = line.slice(c.at, end).trim();
        });
        return row;
      }),
    );
  }
  return tables;
}

function parse(...path: string[]): ConfigDump {
  const res = parseConfigDump(readFileSync(fixture(...path), 'utf8'));
  if (!res.ok) throw new Error(res.error.message);
  return res.dump;
}

/** istioctl sorts its rows; the UI sorts on demand, so rows are compared as sorted lists. */
const sorted = (rows: string[][]): string[][] =>
  [...rows].sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));

const strip = (prefix: string) => (s: string) =>
  s.startsWith(prefix) ? s.slice(prefix.length) : s;

/** Same rows, in any order (istioctl sorts its rows; the UI sorts on demand). */
function expectSameRows(ours: string[][], golden: string[][]): void {
  expect(sorted(ours)).toEqual(sorted(golden));
}

const secretCells = (r: SecretRow): string[] => [
  r.name,
  r.type,
  r.status,
  r.validCert,
  r.serialNumber,
  r.notAfter,
  r.notBefore,
];

describeFixtures('tables vs istioctl golden output', () => {
  it('waypoint (Istio 1.21): clusters, listeners, routes, secrets and endpoints', () => {
    const dump = parse('istioctl-golden', 'pc-all-waypoint-istio121', 'config_dump.json');
    const text = readFileSync(
      fixture('istioctl-golden', 'pc-all-waypoint-istio121', 'config_dump_summary.txt'),
      'utf8',
    );
    const [clusters, listeners, routes, secrets, endpoints] = goldenTables(text);

    expectSameRows(
      clusterRows(dump).map((r) => [
        r.fqdn,
        r.port === undefined ? '-' : String(r.port),
        r.subset,
        r.direction,
        r.type,
        r.destinationRule,
      ]),
      clusters!.map((g) => [
        strip('cluster/')(g['SERVICE FQDN']!),
        g.PORT!,
        g.SUBSET!,
        g.DIRECTION!,
        g.TYPE!,
        g['DESTINATION RULE']!,
      ]),
    );
    expectSameRows(
      listenerRows(dump).map((r) => [
        r.name,
        r.addresses,
        String(r.port ?? ''),
        r.match,
        r.destination,
      ]),
      listeners!.map((g) => [
        strip('listener/')(g.NAME!),
        g.ADDRESSES!,
        g.PORT!,
        g.MATCH!,
        g.DESTINATION!,
      ]),
    );
    // The `all` output lists only RDS routes.
    expectSameRows(
      routeRows(dump)
        .filter((r) => r.name !== '')
        .map((r) => [r.name, r.vhost, r.domains, r.match, r.virtualService]),
      routes!.map((g) => [
        strip('route/')(g.NAME!),
        g['VHOST NAME']!,
        g.DOMAINS!,
        g.MATCH!,
        g['VIRTUAL SERVICE']!,
      ]),
    );
    expectSameRows(
      secretRows(dump).map(secretCells),
      secrets!.map((g) => [
        strip('secret/')(g['RESOURCE NAME']!),
        g.TYPE!,
        g.STATUS!,
        g['VALID CERT']!,
        g['SERIAL NUMBER']!,
        g['NOT AFTER']!,
        g['NOT BEFORE']!,
      ]),
    );
    // istioctl reads only the endpoints section; the model also lists the inline load
    // assignments of static clusters (here the `agent` cluster), which the table shows as well.
    const ours = endpointRows(dump).map((r) => [r.endpoint, r.status, r.locality, r.cluster]);
    const golden = endpoints!.map((g) => [
      strip('endpoint/')(g.NAME!),
      g.STATUS!,
      g.LOCALITY!,
      g.CLUSTER!,
    ]);
    expect(ours).toEqual(expect.arrayContaining(golden));
    expect(ours.length).toBeLessThanOrEqual(golden.length + 1);
  });

  it('gateway routes (v3), inline routes included with an empty name', () => {
    const dir = ['istioctl-golden', 'pc-routes-gateway-v3', 'istio-gateway-http-route-prefix'];
    const dump = parse(...dir, 'configdump.json');
    const [routes] = goldenTables(readFileSync(fixture(...dir, 'output.txt'), 'utf8'));
    expectSameRows(
      routeRows(dump).map((r) => [r.name, r.vhost, r.domains, r.match, r.virtualService]),
      routes!.map((g) => [g.NAME!, g['VHOST NAME']!, g.DOMAINS!, g.MATCH!, g['VIRTUAL SERVICE']!]),
    );
  });

  it('secrets (v3): the first certificate of a chain, and a warming secret without one', () => {
    const dir = ['istioctl-golden', 'pc-secret-v3', 'istio'];
    const dump = parse(...dir, 'config_dump.json');
    const [secrets] = goldenTables(readFileSync(fixture(...dir, 'output.txt'), 'utf8'));
    expectSameRows(
      secretRows(dump).map(secretCells),
      secrets!.map((g) => [
        g['RESOURCE NAME']!,
        g.TYPE!,
        g.STATUS!,
        g['VALID CERT']!,
        g['SERIAL NUMBER']!,
        g['NOT AFTER']!,
        g['NOT BEFORE']!,
      ]),
    );
  });
});
