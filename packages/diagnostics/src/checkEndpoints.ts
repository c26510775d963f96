import type { ConfigDump } from '@meshlens/configdump';
import type { Diagnostic } from './diagnostic';

const SERVING = new Set(['HEALTHY', 'UNKNOWN']);

/** Clusters with an empty endpoint list or no serving endpoint (only when the dump has endpoints). */
export function checkEndpoints(dump: ConfigDump): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of dump.clusters) {
    if (c.state !== 'active' && c.state !== 'static') continue;
    // BlackHoleCluster is empty on purpose; ORIGINAL_DST clusters have no list.
    if (c.name === 'BlackHoleCluster' || c.type === 'ORIGINAL_DST') continue;
    const eps = dump.index.endpointsByCluster.get(c.name);
    if (!eps) continue;
    const total = eps.endpoints.length;
    const serving = eps.endpoints.filter(
      (e) => SERVING.has(e.healthStatus) && e.outlierCheck !== 'FAILED',
    ).length;
    if (total === 0) {
      out.push({
        code: 'no_endpoints',
        severity: 'warning',
        message: `cluster ${c.name} has no endpoints: requests to it get 503 (UH)`,
        ref: { kind: 'cluster', name: c.name },
      });
    } else if (serving === 0) {
      const states = [...new Set(eps.endpoints.map((e) => e.healthStatus))].join('/');
      out.push({
        code: 'no_healthy_endpoints',
        severity: 'error',
        message: `cluster ${c.name}: none of its ${total} endpoint(s) is healthy (${states})`,
        ref: { kind: 'cluster', name: c.name },
      });
    }
  }
  return out;
}
