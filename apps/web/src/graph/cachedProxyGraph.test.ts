import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { buildProxyGraph } from '@meshlens/proxy-graph';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/conformance/fixtures';
import { cachedProxyGraph } from './cachedProxyGraph';

function load(path: string): ConfigDump {
  const r = parseConfigDump(readFileSync(path));
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
}

describe('cachedProxyGraph on a real sidecar dump', () => {
  const file = fixture('config-dumps/istio13rc-productpage-sidecar-v2alpha.json');

  it('answers the same view of the same dump with the same graph, equal to a fresh build', () => {
    const dump = load(file);
    const first = cachedProxyGraph(dump, { direction: 'outbound', hiddenLevels: ['route'] });
    const again = cachedProxyGraph(dump, { direction: 'outbound', hiddenLevels: ['route'] });
    expect(again).toBe(first);
    expect(first).toEqual(
      buildProxyGraph(dump, { direction: 'outbound', hiddenLevels: ['route'] }),
    );
  });

  it('rebuilds when the view or the dump changes', () => {
    const dump = load(file);
    const outbound = cachedProxyGraph(dump, { direction: 'outbound' });
    const inbound = cachedProxyGraph(dump, { direction: 'inbound' });
    expect(inbound).not.toBe(outbound);
    expect(inbound.nodes.length).not.toBe(outbound.nodes.length);
    const other = load(file);
    expect(cachedProxyGraph(other, { direction: 'inbound' })).not.toBe(inbound);
  });
});
