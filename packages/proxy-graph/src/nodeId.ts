import type { ObjectRef } from '@meshlens/configdump';

/**
 * What a graph node stands for: an object of the dump model, or one upstream host of a cluster
 * (endpoints have no name of their own, so they are keyed by cluster + address).
 */
export type GraphNodeRef = ObjectRef | { kind: 'endpoint'; cluster: string; address: string };

/**
 * The stable, readable graph node id of a model object. The same ids are used in URLs
 * (`g.sel=cluster:outbound|9080||reviews...`), so they must never depend on array order
 * beyond the indexes Envoy itself uses (filter chain and route positions).
 */
export function nodeIdFor(ref: GraphNodeRef): string {
  switch (ref.kind) {
    case 'listener':
      return `listener:${ref.name}`;
    case 'filter_chain':
      return `chain:${ref.listener}#${ref.index}`;
    case 'route_config':
      return `rc:${ref.name}`;
    case 'virtual_host':
      return `vh:${ref.routeConfig}/${ref.name}`;
    case 'route':
      return `route:${ref.routeConfig}/${ref.virtualHost}/${ref.index}`;
    case 'cluster':
      return `cluster:${ref.name}`;
    case 'endpoint':
      return `ep:${ref.cluster}/${ref.address}`;
    // A cluster's whole load assignment is drawn as the cluster itself.
    case 'endpoints':
      return `cluster:${ref.cluster}`;
    case 'secret':
      return `secret:${ref.name}`;
    case 'extension_config':
      return `ecds:${ref.name}`;
  }
}
