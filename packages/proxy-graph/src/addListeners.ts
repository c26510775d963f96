import type { FilterChain, Listener, NetworkFilter, WeightedCluster } from '@meshlens/configdump';
import { clusterTarget, routeConfigTarget, type BuildContext } from './buildContext';
import { inlineRouteConfigName, listenerChains } from './collectRouteConfigs';
import { describeChainMatch } from './describeChainMatch';
import { formatAddress } from './formatAddress';
import { listenersByKey } from './listenerKey';
import { columnOf } from './graphTypes';
import { nodeIdFor } from './nodeId';

/** Adds every listener, its filter chains and the chain -> route config / cluster edges. */
export function addListeners(ctx: BuildContext): void {
  for (const [key, listener] of listenersByKey(ctx.dump)) {
    const id = nodeIdFor({ kind: 'listener', name: key });
    ctx.acc.addNode(
      {
        id,
        kind: 'listener',
        column: columnOf.listener,
        direction: 'other',
        ref: { kind: 'listener', name: key },
        state: listener.state,
      },
      () => ({ label: key, sublabel: listenerSublabel(listener) }),
    );
    for (const chain of listenerChains(listener)) addChain(ctx, key, listener, chain, id);
  }
}

/**
 * Address and direction under a listener's name. Only a direction the dump declares is named:
 * an UNSPECIFIED listener is drawn as a plain "listener" even where the direction filter infers
 * one (a sidecar's other listeners count as outbound there), so the label never claims more
 * than the config says.
 */
function listenerSublabel(listener: Listener): string {
  const address = formatAddress(listener.address);
  // Istio names listeners after their address (`10.0.0.1_9080`); say something new below it.
  const redundant =
    address === '?' || listener.name === '' || listener.name.replace(/_(\d+)$/, ':$1') === address;
  const declared = listener.trafficDirection;
  const dir =
    declared === 'UNSPECIFIED' ? 'other' : declared === 'INBOUND' ? 'inbound' : 'outbound';
  return redundant
    ? `${dir === 'other' ? '' : `${dir} `}listener`
    : `${address}${dir === 'other' ? '' : ` · ${dir}`}`;
}

function addChain(
  ctx: BuildContext,
  key: string,
  listener: Listener,
  chain: FilterChain,
  listenerId: string,
): void {
  const ref = { kind: 'filter_chain', listener: key, index: chain.index } as const;
  const id = nodeIdFor(ref);
  ctx.acc.addNode(
    { id, kind: 'filter_chain', column: columnOf.filter_chain, direction: 'other', ref },
    () => {
      const match = describeChainMatch(chain);
      // Unnamed chains get a generated `#<index>` name from the parser; the match says more.
      const named = chain.name !== '' && !chain.name.startsWith('#');
      return {
        label: named ? chain.name : match,
        sublabel: named ? match : filterSummary(chain.filters),
      };
    },
    listenerId,
  );
  ctx.acc.addEdge(listenerId, id, 'contains');
  for (const filter of chain.filters) addFilterTargets(ctx, listener, chain, filter, id);
}

function filterSummary(filters: NetworkFilter[]): string {
  const last = filters[filters.length - 1];
  if (!last) return 'no filters';
  if (last.kind === 'http_connection_manager') return 'HTTP';
  if (last.kind === 'tcp_proxy') return 'TCP proxy';
  return last.name.replace(/^envoy\.filters\.network\./, '');
}

function addFilterTargets(
  ctx: BuildContext,
  listener: Listener,
  chain: FilterChain,
  filter: NetworkFilter,
  chainId: string,
): void {
  if (filter.kind === 'http_connection_manager') {
    const source = filter.routeSource;
    if (source.kind === 'rds') {
      ctx.acc.addEdge(chainId, routeConfigTarget(ctx, source.routeConfigName), 'rds');
    } else if (source.kind === 'inline') {
      const name = inlineRouteConfigName(source.routeConfig, listener, chain);
      ctx.acc.addEdge(chainId, nodeIdFor({ kind: 'route_config', name }), 'rds');
    } else if (source.kind === 'scoped') {
      for (const name of source.scopeRouteConfigNames) {
        ctx.acc.addEdge(chainId, routeConfigTarget(ctx, name), 'rds');
      }
    }
  } else if (filter.kind === 'tcp_proxy') {
    if (filter.cluster !== undefined && filter.cluster !== '') {
      ctx.acc.addEdge(chainId, clusterTarget(ctx, filter.cluster), 'tcp');
    }
    addWeighted(ctx, chainId, filter.weightedClusters, undefined);
  }
}

/** Edges to weighted targets, labelled with their share of the total weight in percent. */
export function addWeighted(
  ctx: BuildContext,
  fromId: string,
  targets: WeightedCluster[],
  totalWeight: number | undefined,
): void {
  const total = totalWeight ?? targets.reduce((sum, t) => sum + t.weight, 0);
  for (const target of targets) {
    const percent = total > 0 ? (target.weight / total) * 100 : 0;
    const to =
      target.clusterHeader !== undefined && target.name === ''
        ? headerNode(ctx, target.clusterHeader)
        : clusterTarget(ctx, target.name);
    ctx.acc.addEdge(fromId, to, 'weighted', percent);
  }
}

/** The pseudo node a `cluster_header` route goes to: the cluster is only known per request. */
export function headerNode(ctx: BuildContext, header: string): string {
  const id = `term:header:${header}`;
  ctx.acc.addNode({ id, kind: 'terminal', column: columnOf.cluster, direction: 'other' }, () => ({
    label: `cluster from header ${header}`,
    sublabel: 'chosen per request',
  }));
  return id;
}
