import type { ConfigDump, JsonObject, JsonValue } from '@meshlens/configdump';
import { ENVOY_VERSION, ISTIO_PROXY_SHA } from '@meshlens/demo-mesh';

/** FNV-1a of a string, for stable per-host stats. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * `/clusters?format=json` built from the dump's clusters and EDS endpoints, with plausible
 * per-host counters that grow with `elapsedSeconds`.
 */
export function demoClusterStatuses(dump: ConfigDump, elapsedSeconds: number): JsonObject {
  const endpoints = dump.index.endpointsByCluster;
  const statuses: JsonValue[] = dump.clusters.map((cluster) => {
    const hosts: JsonValue[] = [];
    for (const ep of endpoints.get(cluster.name)?.endpoints ?? []) {
      if (ep.address.kind !== 'socket') continue;
      const rate = (hash(`${cluster.name}/${ep.address.ip}`) % 5) / 10;
      const total = Math.floor(rate * Math.max(0, elapsedSeconds));
      const host: JsonObject = {
        address: { socket_address: { address: ep.address.ip, port_value: ep.address.port ?? 0 } },
        stats: [
          { name: 'cx_connect_fail' },
          { value: String(Math.ceil(total / 50)), name: 'cx_total' },
          { name: 'rq_error' },
          { value: String(total), name: 'rq_success' },
          { name: 'rq_timeout' },
          { value: String(total), name: 'rq_total' },
          { type: 'GAUGE', name: 'cx_active', value: total > 0 ? '1' : '0' },
          { type: 'GAUGE', name: 'rq_active' },
        ],
        health_status: {
          eds_health_status: ep.healthStatus === 'UNKNOWN' ? 'HEALTHY' : ep.healthStatus,
        },
        weight: ep.weight ?? 1,
      };
      if (ep.locality)
        host.locality = { region: ep.locality.region ?? '', zone: ep.locality.zone ?? '' };
      hosts.push(host);
    }
    const status: JsonObject = {
      name: cluster.name,
      observability_name: cluster.name,
      host_statuses: hosts,
    };
    if (cluster.state !== 'static') status.added_via_api = true;
    return status;
  });
  return { cluster_statuses: statuses };
}

/** `/server_info`: version, state, uptime and the bootstrap node (where identity tools read the proxy id). */
export function demoServerInfo(dump: ConfigDump, uptimeSeconds: number): JsonObject {
  const node = dump.node;
  const envoy = `${ENVOY_VERSION.major_number}.${ENVOY_VERSION.minor_number}.${ENVOY_VERSION.patch}`;
  const uptime = `${Math.floor(uptimeSeconds)}s`;
  return {
    version: `${ISTIO_PROXY_SHA}/${envoy}-dev/Clean/RELEASE/BoringSSL`,
    state: 'LIVE',
    hot_restart_version: '11.104',
    command_line_options: {
      concurrency: 2,
      service_cluster: node?.cluster ?? '',
      service_node: node?.id ?? '',
      log_level: 'warning',
      drain_strategy: 'Immediate',
    },
    uptime_current_epoch: uptime,
    uptime_all_epochs: uptime,
    node: node?.raw ?? null,
  };
}

/** `/certs`: the workload certificate chain and root CA read from the dump's SDS secrets. */
export function demoCerts(dump: ConfigDump, now: Date): JsonObject {
  const describeCert = (c: ConfigDump['secrets'][number]['certificates'][number]): JsonObject => {
    const expiry = c.notAfter ? Date.parse(c.notAfter) : Number.NaN;
    return {
      path: '<inline>',
      serial_number: c.serialNumber ?? '',
      subject_alt_names: c.subjectAltNames.map((uri) => ({ uri })),
      days_until_expiration: Number.isFinite(expiry)
        ? String(Math.max(0, Math.floor((expiry - now.getTime()) / 86_400_000)))
        : '0',
      valid_from: c.notBefore ?? '',
      expiration_time: c.notAfter ?? '',
    };
  };
  const ca = dump.secrets
    .filter((s) => s.kind === 'ca')
    .flatMap((s) => s.certificates.map(describeCert));
  const chain = dump.secrets
    .filter((s) => s.kind === 'cert_chain')
    .flatMap((s) => s.certificates.map(describeCert));
  return { certificates: [{ ca_cert: ca, cert_chain: chain }] };
}
