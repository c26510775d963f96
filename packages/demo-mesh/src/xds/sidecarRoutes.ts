/** RDS for sidecars: route configuration `<port>` with one virtual host per service on that port. */
import type { JsonObject } from '@meshlens/configdump';
import type { DemoMesh, DemoService } from '../model';
import { indexMesh } from '../meshIndex';
import { isHttpProtocol } from '../serviceSpec';
import { MAX_STREAM_DURATION, TYPE, clusterName } from './shared';
import { defaultRoute, virtualServiceRoutes } from './virtualServiceRoutes';

/**
 * The names a client may use for a service: FQDN, short name (same namespace only),
 * `name.ns.svc`, `name.ns` and the cluster IP, each with and without the port.
 */
export function serviceDomains(
  service: DemoService,
  port: number,
  clientNamespace: string,
): string[] {
  const names = [service.hostname];
  if (service.namespace === clientNamespace) names.push(service.name);
  names.push(
    `${service.name}.${service.namespace}.svc`,
    `${service.name}.${service.namespace}`,
    service.clusterIP,
  );
  return names.flatMap((n) => [n, `${n}:${port}`]);
}

const ALLOW_ANY_VHOST: JsonObject = {
  name: 'allow_any',
  domains: ['*'],
  routes: [
    {
      name: 'allow_any',
      match: { prefix: '/' },
      route: {
        cluster: 'PassthroughCluster',
        timeout: '0s',
        max_stream_duration: MAX_STREAM_DURATION,
      },
    },
  ],
  include_request_attempt_count: true,
};

/** Route configurations of every outbound HTTP port, as seen by a sidecar in `clientNamespace`. */
export function sidecarRouteConfigs(mesh: DemoMesh, clientNamespace: string): JsonObject[] {
  const index = indexMesh(mesh);
  const byPort = new Map<number, JsonObject[]>();
  const sorted = [...mesh.services].sort((a, b) =>
    a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0,
  );
  for (const service of sorted) {
    const vs = index.meshVirtualServiceByHost.get(service.hostname);
    for (const p of service.ports) {
      if (!isHttpProtocol(p.protocol)) continue;
      const hostAndPort = `${service.hostname}:${p.port}`;
      // A VirtualService whose routes all match other ports leaves this port on the default route.
      const vsRoutes = vs ? virtualServiceRoutes(vs, p.port) : [];
      const routes =
        vsRoutes.length > 0
          ? vsRoutes
          : [defaultRoute(clusterName('outbound', p.port, '', service.hostname), hostAndPort)];
      const vhosts = byPort.get(p.port) ?? [];
      vhosts.push({
        name: hostAndPort,
        domains: serviceDomains(service, p.port, clientNamespace),
        routes,
        include_request_attempt_count: true,
      });
      byPort.set(p.port, vhosts);
    }
  }
  return [...byPort.entries()]
    .sort(([a], [b]) => a - b)
    .map(([port, vhosts]) => ({
      '@type': TYPE.routeConfiguration,
      name: String(port),
      virtual_hosts: [...vhosts, ALLOW_ANY_VHOST],
      validate_clusters: false,
      max_direct_response_body_size_bytes: 1048576,
    }));
}
