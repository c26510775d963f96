import type { ObjectRef } from '@meshlens/configdump';

/** A short human name of a model object, e.g. `listener 0.0.0.0_9080`. */
export function describeRef(ref: ObjectRef): string {
  switch (ref.kind) {
    case 'listener':
      return `listener ${ref.name}`;
    case 'filter_chain':
      return `filter chain #${ref.index} of listener ${ref.listener}`;
    case 'route_config':
      return `route config ${ref.name}`;
    case 'virtual_host':
      return `virtual host ${ref.name} of ${ref.routeConfig}`;
    case 'route':
      return `route #${ref.index} of ${ref.routeConfig} / ${ref.virtualHost}`;
    case 'cluster':
      return `cluster ${ref.name}`;
    case 'endpoints':
      return `endpoints of ${ref.cluster}`;
    case 'secret':
      return `secret ${ref.name}`;
    case 'extension_config':
      return `extension config ${ref.name}`;
  }
}
