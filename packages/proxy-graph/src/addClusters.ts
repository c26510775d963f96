import type { Cluster, ClusterEndpoints } from '@meshlens/configdump';
import { clusterTarget, ghostFor, type BuildContext } from './buildContext';
import { formatAddress } from './formatAddress';
import type { NodeText } from './graphParts';
import { columnOf } from './graphTypes';
import { nodeIdFor } from './nodeId';

/** Adds every cluster and its endpoints, and clusters that only appear in the endpoints section. */
export function addClusters(ctx: BuildContext): void {
  for (const cluster of ctx.dump.clusters) {
    const id = nodeIdFor({ kind: 'cluster', name: cluster.name });
    ctx.acc.addNode(
      {
        id,
        kind: 'cluster',
        column: columnOf.cluster,
        direction: 'other',
        ref: { kind: 'cluster', name: cluster.name },
        state: cluster.state,
      },
      () => ({ label: cluster.name, sublabel: clusterSublabel(cluster) }),
    );
    for (const child of cluster.aggregateClusters) {
      ctx.acc.addEdge(id, clusterTarget(ctx, child), 'aggregate');
    }
    const endpoints = endpointsOf(ctx, cluster);
    if (endpoints) addEndpoints(ctx, id, cluster.name, endpoints);
  }
  // Endpoints whose cluster is not in the dump (an endpoints-only capture, or a removed cluster).
  const edsNames = new Set(ctx.dump.clusters.map((c) => c.edsServiceName));
  for (const eps of ctx.dump.endpoints) {
    if (ctx.dump.index.clusterByName.has(eps.clusterName)) continue;
    if (ctx.acc.has(nodeIdFor({ kind: 'cluster', name: eps.clusterName }))) continue;
    if (edsNames.has(eps.clusterName)) continue;
    addEndpoints(ctx, ghostFor(ctx, 'cluster', eps.clusterName), eps.clusterName, eps);
  }
}

function clusterSublabel(cluster: Cluster): string {
  const parts = [cluster.type];
  if (cluster.tls) parts.push(cluster.tls.istioMutual ? 'mTLS' : 'TLS');
  if (cluster.istioConfig) parts.push(`DR ${cluster.istioConfig.name}`);
  return parts.join(' · ');
}

/** Endpoints of a cluster: keyed by the cluster name, or by its EDS service name. */
function endpointsOf(ctx: BuildContext, cluster: Cluster): ClusterEndpoints | undefined {
  const byCluster = ctx.dump.index.endpointsByCluster;
  return (
    byCluster.get(cluster.name) ??
    (cluster.edsServiceName !== undefined ? byCluster.get(cluster.edsServiceName) : undefined)
  );
}

function addEndpoints(
  ctx: BuildContext,
  clusterId: string,
  clusterName: string,
  eps: ClusterEndpoints,
): void {
  // The group parent is the cluster's own id even when a ghost stands in for the cluster.
  const parentId = nodeIdFor({ kind: 'cluster', name: clusterName });
  for (const ep of eps.endpoints) {
    const address = formatAddress(ep.address);
    const ref = { kind: 'endpoint', cluster: clusterName, address } as const;
    const id = nodeIdFor(ref);
    const text = (): NodeText => {
      const where = [ep.locality?.region, ep.locality?.zone].filter((x) => x).join('/');
      return {
        label: address,
        sublabel: where !== '' ? `${ep.healthStatus} · ${where}` : ep.healthStatus,
      };
    };
    ctx.acc.addNode(
      {
        id,
        kind: 'endpoint',
        column: columnOf.endpoint,
        direction: 'other',
        ref,
        state: ep.healthStatus,
      },
      text,
      parentId,
    );
    ctx.acc.addEdge(clusterId, id, 'endpoint');
  }
}
