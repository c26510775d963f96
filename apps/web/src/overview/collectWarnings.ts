import type { ConfigDump, ObjectRef, ResourceMeta } from '@meshlens/configdump';
import { listenerKey, nodeIdFor } from '@meshlens/proxy-graph';
import { describeRef } from './describeRef';

/** How bad a finding is. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding of the overview's warnings list. */
export interface DumpWarning {
  severity: Severity;
  category:
    | 'dangling'
    | 'resource_state'
    | 'unhealthy_endpoints'
    | 'certificate'
    | 'parser'
    /** The next three come from `@meshlens/diagnostics` only. */
    | 'shadowed_route'
    | 'duplicate_domain'
    | 'blackhole';
  /**
   * What exactly the finding says about its object (`cert-expired`, `cert-not-yet-valid`...):
   * with the node id, the key under which the same finding from two sources is shown once.
   */
  topic: string;
  message: string;
  /** Graph node to jump to, when the finding is about one object. */
  nodeId?: string;
}

const day = 24 * 60 * 60 * 1000;
/** Longest "expires soon" window (for long-lived certificates such as root CAs). */
export const soonExpiringMs = 7 * day;
/** Share of its lifetime left under which a certificate is flagged. */
const soonFraction = 0.2;

/**
 * Whether a certificate's remaining validity is worth a warning. Istio workload certificates
 * live 24 hours and are rotated at about half-life, so a fixed "7 days" would flag every healthy
 * one: the window is the shorter of 7 days and a fifth of the certificate's lifetime.
 */
function expiresSoon(notBefore: number, notAfter: number, now: number): boolean {
  const lifetime = notAfter - notBefore;
  const window = Number.isFinite(lifetime)
    ? Math.min(soonExpiringMs, lifetime * soonFraction)
    : soonExpiringMs;
  return notAfter - now < window;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function stateWarning(meta: ResourceMeta, ref: ObjectRef): DumpWarning | undefined {
  const what = describeRef(ref);
  const nodeId = nodeIdFor(ref);
  switch (meta.state) {
    case 'error':
      return {
        severity: 'error',
        category: 'resource_state',
        topic: 'state',
        message: `${what} was rejected by Envoy (NACK)${meta.errorDetails ? `: ${meta.errorDetails}` : ''}.`,
        nodeId,
      };
    case 'warming':
      return {
        severity: 'warning',
        category: 'resource_state',
        topic: 'state',
        message: `${what} is still warming (not serving yet).`,
        nodeId,
      };
    case 'draining':
      return {
        severity: 'info',
        category: 'resource_state',
        topic: 'state',
        message: `${what} is draining (being replaced).`,
        nodeId,
      };
    default:
      return undefined;
  }
}

/** Everything on the overview's warnings list, most severe first. */
export function collectWarnings(dump: ConfigDump, now: number = Date.now()): DumpWarning[] {
  const out: DumpWarning[] = [];

  for (const d of dump.index.dangling) {
    out.push({
      severity: 'warning',
      category: 'dangling',
      topic: 'dangling',
      message: `${describeRef(d.from)} refers to ${d.expected.replace('_', ' ')} "${d.name}", which is not in the dump.`,
      nodeId: nodeIdFor(d.from),
    });
  }

  const stated: [ResourceMeta, ObjectRef][] = [
    ...dump.listeners.map((l): [ResourceMeta, ObjectRef] => [
      l,
      // Nameless listeners are drawn under their address.
      { kind: 'listener', name: listenerKey(l) },
    ]),
    ...dump.routeConfigs.map((r): [ResourceMeta, ObjectRef] => [
      r,
      { kind: 'route_config', name: r.name },
    ]),
    ...dump.clusters.map((c): [ResourceMeta, ObjectRef] => [c, { kind: 'cluster', name: c.name }]),
    ...dump.secrets.map((s): [ResourceMeta, ObjectRef] => [s, { kind: 'secret', name: s.name }]),
    ...dump.extensionConfigs.map((e): [ResourceMeta, ObjectRef] => [
      e,
      { kind: 'extension_config', name: e.name },
    ]),
  ];
  for (const [meta, ref] of stated) {
    const w = stateWarning(meta, ref);
    if (w) out.push(w);
  }

  for (const ce of dump.endpoints) {
    const bad = ce.endpoints.filter(
      (e) =>
        e.healthStatus === 'UNHEALTHY' ||
        e.healthStatus === 'TIMEOUT' ||
        e.outlierCheck === 'FAILED',
    ).length;
    if (bad === 0) continue;
    const all = ce.endpoints.length;
    out.push({
      severity: bad === all ? 'error' : 'warning',
      category: 'unhealthy_endpoints',
      topic: 'endpoints',
      message: `${bad} of ${all} endpoints of cluster ${ce.clusterName} are unhealthy or ejected.`,
      nodeId: nodeIdFor({ kind: 'cluster', name: ce.clusterName }),
    });
  }

  for (const s of dump.secrets) {
    const nodeId = nodeIdFor({ kind: 'secret', name: s.name });
    for (const cert of s.certificates) {
      const notAfter = cert.notAfter ? Date.parse(cert.notAfter) : Number.NaN;
      const notBefore = cert.notBefore ? Date.parse(cert.notBefore) : Number.NaN;
      const serial = cert.serialNumber ? ` (serial ${cert.serialNumber})` : '';
      if (notAfter < now) {
        out.push({
          severity: 'error',
          category: 'certificate',
          topic: 'cert-expired',
          message: `Certificate in secret ${s.name}${serial} expired on ${cert.notAfter}.`,
          nodeId,
        });
      } else if (expiresSoon(notBefore, notAfter, now)) {
        const days = Math.max(0, Math.floor((notAfter - now) / day));
        out.push({
          severity: 'warning',
          category: 'certificate',
          topic: 'cert-expiring',
          message: `Certificate in secret ${s.name}${serial} expires on ${cert.notAfter} (in ${days === 0 ? 'less than a day' : `${days} day${days === 1 ? '' : 's'}`}).`,
          nodeId,
        });
      } else if (notBefore > now) {
        out.push({
          severity: 'warning',
          category: 'certificate',
          topic: 'cert-not-yet-valid',
          message: `Certificate in secret ${s.name}${serial} is not valid before ${cert.notBefore}.`,
          nodeId,
        });
      }
    }
  }

  for (const w of dump.warnings) {
    out.push({
      severity: 'info',
      category: 'parser',
      topic: 'parser',
      message: `${w.message}${w.path ? ` (at ${w.path})` : ''}`,
    });
  }

  // Stable sort: within a severity the order above (by category, then dump order) is kept.
  return out.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}
