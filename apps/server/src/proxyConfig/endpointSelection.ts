import type { ClusterEndpoints, ConfigDump, JsonValue } from '@meshlens/configdump';

/**
 * The endpoints istioctl shows for a config dump: the `EndpointsConfigDump` section only, dynamic
 * (EDS) assignments first, then static ones. The parser also turns a cluster's inline
 * `load_assignment` into a `source: 'static'` entry (meant for the graph); istioctl does not list
 * those, so they are recognised by identity with the cluster's raw `load_assignment` and skipped.
 */
export function listedAssignments(dump: ConfigDump): ClusterEndpoints[] {
  const inline = new Set<JsonValue>();
  for (const c of dump.clusters) {
    const raw = c.raw;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const la = raw['load_assignment'] ?? raw['loadAssignment'];
    if (la !== undefined) inline.add(la);
  }
  const fromSection = dump.endpoints.filter((e) => !inline.has(e.raw));
  return [
    ...fromSection.filter((e) => e.source === 'eds'),
    ...fromSection.filter((e) => e.source === 'static'),
  ];
}

/** True when the input was an Envoy admin `/clusters?format=json` capture rather than a config dump. */
export function isAdminClusters(dump: ConfigDump): boolean {
  return dump.source.shape === 'admin-clusters';
}
