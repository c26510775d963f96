import type { Secret } from '@meshlens/configdump';
import { listenerChains } from './collectRouteConfigs';
import type { BuildContext } from './buildContext';
import { columnOf } from './graphTypes';
import { listenersByKey } from './listenerKey';
import { nodeIdFor } from './nodeId';

const kindNoun: Record<Secret['kind'], string> = {
  cert_chain: 'cert chain',
  ca: 'CA',
  generic: 'generic secret',
  session_ticket: 'session ticket keys',
  unknown: 'secret',
};

/**
 * Adds every SDS secret of the dump and an `sds` edge from each filter chain (downstream TLS) and
 * cluster (upstream TLS) whose TLS context names it. A name the dump has no secret for draws no
 * edge: Envoy fetches secrets on demand, so a sidecar dump without the secret is normal.
 */
export function addSecrets(ctx: BuildContext): void {
  const secrets = ctx.dump.index.secretByName;
  for (const secret of secrets.values()) {
    const id = nodeIdFor({ kind: 'secret', name: secret.name });
    ctx.acc.addNode(
      {
        id,
        kind: 'secret',
        column: columnOf.secret,
        direction: 'other',
        ref: { kind: 'secret', name: secret.name },
        state: secret.state,
      },
      () => {
        const until = secret.certificates[0]?.notAfter?.slice(0, 10);
        const noun = kindNoun[secret.kind];
        return { label: secret.name, sublabel: until ? `${noun} · until ${until}` : noun };
      },
    );
  }
  if (secrets.size === 0) return;
  for (const [key, listener] of listenersByKey(ctx.dump)) {
    for (const chain of listenerChains(listener)) {
      for (const name of chain.sdsSecrets ?? []) {
        if (!secrets.has(name)) continue;
        const from = nodeIdFor({ kind: 'filter_chain', listener: key, index: chain.index });
        ctx.acc.addEdge(from, nodeIdFor({ kind: 'secret', name }), 'sds');
      }
    }
  }
  for (const cluster of ctx.dump.clusters) {
    for (const name of cluster.tls?.sdsSecrets ?? []) {
      if (!secrets.has(name)) continue;
      const from = nodeIdFor({ kind: 'cluster', name: cluster.name });
      ctx.acc.addEdge(from, nodeIdFor({ kind: 'secret', name }), 'sds');
    }
  }
}
