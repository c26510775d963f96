/** Assembles the `/config_dump?include_eds` of one proxy of a demo mesh. */
import type { JsonObject } from '@meshlens/configdump';
import { indexMesh } from './meshIndex';
import type { DemoMesh, DemoPod, DemoService } from './model';
import {
  bootstrapSection,
  proxyNode,
  staticClusters,
  staticEndpointConfigs,
  staticListeners,
} from './xds/bootstrap';
import {
  BLACK_HOLE_CLUSTER,
  INBOUND_PASSTHROUGH_CLUSTER,
  PASSTHROUGH_CLUSTER,
  inboundCluster,
  outboundCluster,
} from './xds/clusters';
import { clusterLoadAssignment } from './xds/endpoints';
import { gatewayConfig } from './xds/gatewayConfig';
import { outboundListeners, virtualOutboundListener } from './xds/outboundListeners';
import { outboundClusterPlans } from './xds/outboundPlan';
import { secretsSection } from './xds/secrets';
import { TYPE, stampsFor, type Stamps } from './xds/shared';
import { sidecarRouteConfigs } from './xds/sidecarRoutes';
import { inboundPorts, virtualInboundListener } from './xds/virtualInbound';

/** The parts every proxy of a mesh shares, built once per mesh. */
interface SharedParts {
  outboundClusters: JsonObject[];
  endpoints: JsonObject[];
  outboundListeners: JsonObject[];
  routesByNamespace: Map<string, JsonObject[]>;
}
const sharedCache = new WeakMap<DemoMesh, SharedParts>();

function sharedParts(mesh: DemoMesh): SharedParts {
  let parts = sharedCache.get(mesh);
  if (!parts) {
    const plans = outboundClusterPlans(mesh);
    parts = {
      outboundClusters: plans.map((p) => outboundCluster(p, mesh.trustDomain)),
      endpoints: plans.map((p) => clusterLoadAssignment(p, mesh.clusterId)),
      outboundListeners: outboundListeners(mesh),
      routesByNamespace: new Map(),
    };
    sharedCache.set(mesh, parts);
  }
  return parts;
}

function routesFor(mesh: DemoMesh, namespace: string): JsonObject[] {
  const parts = sharedParts(mesh);
  let routes = parts.routesByNamespace.get(namespace);
  if (!routes) {
    routes = sidecarRouteConfigs(mesh, namespace);
    parts.routesByNamespace.set(namespace, routes);
  }
  return routes;
}

const dynamicCluster = (cluster: JsonObject, s: Stamps): JsonObject => ({
  version_info: s.version,
  cluster,
  last_updated: s.lastUpdated,
});
const dynamicListener = (listener: JsonObject, s: Stamps): JsonObject => ({
  name: typeof listener.name === 'string' ? listener.name : '',
  active_state: { version_info: s.version, listener, last_updated: s.lastUpdated },
});

function assemble(
  mesh: DemoMesh,
  pod: DemoPod,
  services: DemoService[],
  parts: {
    listeners: JsonObject[];
    routeConfigs: JsonObject[];
    inlineRoutes: JsonObject[];
    clusters: JsonObject[];
  },
): JsonObject {
  const s = stampsFor(mesh.now);
  const shared = sharedParts(mesh);
  const statics = staticClusters();
  const node = proxyNode(mesh, pod, services);
  return {
    configs: [
      bootstrapSection(node, s.bootstrapUpdated),
      {
        '@type': TYPE.clustersDump,
        version_info: s.version,
        static_clusters: statics.map((cluster) => ({ cluster, last_updated: s.bootstrapUpdated })),
        dynamic_active_clusters: [...parts.clusters, ...shared.outboundClusters].map((c) =>
          dynamicCluster(c, s),
        ),
      },
      {
        '@type': TYPE.endpointsDump,
        static_endpoint_configs: staticEndpointConfigs(),
        dynamic_endpoint_configs: shared.endpoints.map((endpoint_config) => ({ endpoint_config })),
      },
      {
        '@type': TYPE.listenersDump,
        version_info: s.version,
        static_listeners: staticListeners().map((listener) => ({
          listener,
          last_updated: s.bootstrapUpdated,
        })),
        dynamic_listeners: parts.listeners.map((l) => dynamicListener(l, s)),
      },
      { '@type': TYPE.scopedRoutesDump },
      {
        '@type': TYPE.routesDump,
        // Inline (listener-embedded) route configurations show up as "static" in Envoy's dump.
        static_route_configs: parts.inlineRoutes.map((rc) => ({
          route_config: { '@type': TYPE.routeConfiguration, ...rc },
          last_updated: s.lastUpdated,
        })),
        dynamic_route_configs: parts.routeConfigs.map((route_config) => ({
          version_info: s.version,
          route_config,
          last_updated: s.lastUpdated,
        })),
      },
      secretsSection(mesh, pod, s),
    ],
  };
}

/**
 * The config dump of the proxy in pod `podName` (a sidecar or the ingress gateway), without
 * generating any other proxy's dump. Throws when the mesh has no such proxy (a programming error:
 * callers pick names from `mesh.proxies`).
 */
export function generateSidecarDump(mesh: DemoMesh, podName: string): JsonObject {
  const index = indexMesh(mesh);
  const entry = index.podByName.get(podName);
  if (!entry?.pod.proxyType) throw new Error(`demo mesh: no proxy in pod ${podName}`);
  const { pod } = entry;
  const services = index.servicesOfPod.get(podName) ?? [];
  const shared = sharedParts(mesh);

  if (pod.proxyType === 'router') {
    const gw = gatewayConfig(mesh, pod, entry.service);
    return assemble(mesh, pod, services, {
      listeners: gw.listeners,
      routeConfigs: gw.routeConfigs,
      inlineRoutes: [],
      clusters: [BLACK_HOLE_CLUSTER],
    });
  }

  const ports = inboundPorts(services);
  const inbound = virtualInboundListener(services);
  return assemble(mesh, pod, services, {
    listeners: [...shared.outboundListeners, virtualOutboundListener(), inbound.listener],
    routeConfigs: routesFor(mesh, pod.namespace),
    inlineRoutes: inbound.inlineRouteConfigs,
    clusters: [
      BLACK_HOLE_CLUSTER,
      INBOUND_PASSTHROUGH_CLUSTER,
      PASSTHROUGH_CLUSTER,
      ...ports.map(({ service, port }) => inboundCluster(service, port)),
    ],
  });
}
