/** LDS + RDS of the ingress gateway: one HTTP listener per Gateway server, routes from bound VirtualServices. */
import type { JsonObject } from '@meshlens/configdump';
import type { DemoMesh, DemoPod, DemoService } from '../model';
import { indexMesh } from '../meshIndex';
import { gatewayHcm } from './httpConnectionManager';
import { TYPE, socketAddress } from './shared';
import { virtualServiceRoutes } from './virtualServiceRoutes';

/** A Gateway server as realised on one gateway pod. */
interface GatewayServer {
  /** Container port the listener binds (the Service maps server port 80 -> 8080). */
  listenerPort: number;
  serverPort: number;
  gatewayKey: string;
  hosts: string[];
}

function gatewayServers(
  mesh: DemoMesh,
  pod: DemoPod,
  service: DemoService | undefined,
): GatewayServer[] {
  const out: GatewayServer[] = [];
  for (const gw of mesh.gateways) {
    const selected = Object.entries(gw.selector).every(([k, v]) => pod.labels[k] === v);
    if (!selected) continue;
    for (const server of gw.servers) {
      const svcPort = service?.ports.find((p) => p.port === server.port.number);
      out.push({
        listenerPort: svcPort?.targetPort ?? server.port.number,
        serverPort: server.port.number,
        gatewayKey: `${gw.namespace}/${gw.name}`,
        hosts: server.hosts,
      });
    }
  }
  return out;
}

/** Listeners and route configurations of a gateway pod. */
export function gatewayConfig(
  mesh: DemoMesh,
  pod: DemoPod,
  service: DemoService | undefined,
): { listeners: JsonObject[]; routeConfigs: JsonObject[] } {
  const index = indexMesh(mesh);
  const listeners: JsonObject[] = [];
  const routeConfigs: JsonObject[] = [];
  for (const server of gatewayServers(mesh, pod, service)) {
    listeners.push({
      '@type': TYPE.listener,
      name: `0.0.0.0_${server.listenerPort}`,
      address: socketAddress('0.0.0.0', server.listenerPort),
      filter_chains: [{ filters: [gatewayHcm(server.listenerPort)] }],
      traffic_direction: 'OUTBOUND',
    });
    const routes = (index.virtualServicesByGateway.get(server.gatewayKey) ?? []).flatMap((vs) =>
      virtualServiceRoutes(vs),
    );
    routeConfigs.push({
      '@type': TYPE.routeConfiguration,
      name: `http.${server.listenerPort}`,
      virtual_hosts: server.hosts.map((host) => ({
        name: `${host}:${server.serverPort}`,
        domains: [host],
        routes,
        include_request_attempt_count: true,
      })),
      validate_clusters: false,
      max_direct_response_body_size_bytes: 1048576,
      ignore_port_in_host_matching: true,
    });
  }
  return { listeners, routeConfigs };
}
