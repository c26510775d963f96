import { readFileSync } from 'node:fs';
import { type ConfigDump, parseConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { DumpAssembler, sliceSizes, splitDump } from './dumpTransfer';

/** Sends every part through its own structured clone, as separate postMessage calls would. */
function roundTrip(dump: ConfigDump): ConfigDump {
  const assembler = new DumpAssembler();
  for (const part of splitDump(dump)) assembler.add(structuredClone(part));
  const out = assembler.result();
  if (!out) throw new Error('no shell part');
  return out;
}

function parse(text: string): ConfigDump {
  const res = parseConfigDump(text);
  if (!res.ok) throw new Error(res.error.message);
  return res.dump;
}

function expectFaithful(dump: ConfigDump): void {
  const back = roundTrip(dump);
  // The same model, field by field (Maps included)...
  expect(back).toEqual(dump);
  // ...and the index holds the very objects of the arrays, where the parser's index did.
  const pairs = [
    [dump.index.listenerByName, back.index.listenerByName, dump.listeners, back.listeners],
    [
      dump.index.routeConfigByName,
      back.index.routeConfigByName,
      dump.routeConfigs,
      back.routeConfigs,
    ],
    [dump.index.clusterByName, back.index.clusterByName, dump.clusters, back.clusters],
    [dump.index.endpointsByCluster, back.index.endpointsByCluster, dump.endpoints, back.endpoints],
    [dump.index.secretByName, back.index.secretByName, dump.secrets, back.secrets],
  ] as const;
  let linked = 0;
  for (const [before, after, arrayBefore, arrayAfter] of pairs) {
    for (const [key, value] of before as Map<string, object>) {
      const i = (arrayBefore as readonly object[]).indexOf(value);
      if (i < 0) continue;
      expect((after as Map<string, object>).get(key)).toBe((arrayAfter as readonly object[])[i]);
      linked++;
    }
  }
  expect(linked).toBeGreaterThan(0);
}

describe('dump transfer in parts', () => {
  it('reassembles a generated mesh sidecar exactly, with the index pointing into the arrays', () => {
    const mesh = generateDemoMesh({ services: 30 });
    const p = mesh.proxies.find((x) => x.app === 'productpage');
    if (!p) throw new Error('no productpage');
    const dump = parse(JSON.stringify(p.dump));
    expect(dump.clusters.length).toBeGreaterThan(sliceSizes.clusters / 10);
    expectFaithful(dump);
  });

  it('splits big arrays into several slices and sends the shell last', () => {
    const mesh = generateDemoMesh({ services: 400 });
    const p = mesh.proxies.find((x) => x.app === 'productpage');
    if (!p) throw new Error('no productpage');
    const dump = parse(JSON.stringify(p.dump));
    const parts = splitDump(dump);
    const clusterSlices = parts.filter((x) => x.kind === 'slice' && x.key === 'clusters');
    expect(clusterSlices.length).toBe(Math.ceil(dump.clusters.length / sliceSizes.clusters));
    expect(parts.at(-1)?.kind).toBe('shell');
    expect(parts.filter((x) => x.kind === 'shell')).toHaveLength(1);
    expectFaithful(dump);
  });

  it('has nothing to assemble before the shell arrives', () => {
    expect(new DumpAssembler().result()).toBeUndefined();
  });
});

describeFixtures('dump transfer of real dumps', () => {
  it.each([
    ['istio13rc-productpage-sidecar-v2alpha.json'],
    ['istio13-ingressgateway-hybrid-v3admin-v2api.json'],
    ['envoy137-plain-gatewayapi-v3.json'],
  ])('%s', (name) => {
    expectFaithful(parse(readFileSync(fixture('config-dumps', name), 'utf8')));
  });
});
