import { readFileSync } from 'node:fs';
import { parseConfigDump } from '@meshlens/configdump';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import type { EffectiveConnection } from './connection';
import { evaluateFilterChainMatcher } from './evaluateFilterChainMatcher';

const conn = (localIp: string, localPort: number): EffectiveConnection => ({
  localIp,
  localPort,
  transportProtocol: 'raw_buffer',
  serverName: '',
  applicationProtocols: [],
  isLocal: false,
  notes: [],
});

describeFixtures('filter_chain_matcher on a real Istio waypoint listener (main_internal)', () => {
  const r = parseConfigDump(
    readFileSync(fixture('config-dumps', 'istio-sidecar-v3-lds-cds-rds-partial.json')),
  );
  if (!r.ok) throw new Error(r.error.message);
  const l = r.dump.index.listenerByName.get('main_internal');

  it('walks IPMatcher -> destination port -> StringValue chain name', () => {
    if (!l) throw new Error('fixture changed: no main_internal listener');
    expect(l.filterChainMatcher).toBeDefined();
    const hit = evaluateFilterChainMatcher(l, conn('10.96.1.201', 9080));
    expect(hit.via).toBe('matcher');
    expect(hit.chain?.name).toBe('inbound-vip|9080||details.default.svc.cluster.local-http');
    expect(hit.explanation.join(' ')).toMatch(/port = "9080"/);
  });

  it('falls back to the default chain or closes when nothing matches', () => {
    if (!l) throw new Error('fixture changed: no main_internal listener');
    const miss = evaluateFilterChainMatcher(l, conn('10.96.1.201', 1234));
    expect(miss.chain?.name).toBe(l.defaultFilterChain?.name);
    expect(miss.via).toBe(l.defaultFilterChain ? 'default' : 'none');
    expect(evaluateFilterChainMatcher(l, conn('192.0.2.1', 9080)).via).toBe(
      l.defaultFilterChain ? 'default' : 'none',
    );
  });
});
