import type { ConfigDump, ObjectRef, ResourceMeta } from '@meshlens/configdump';
import type { Diagnostic } from './diagnostic';

function one(kind: string, ref: ObjectRef, name: string, r: ResourceMeta): Diagnostic | undefined {
  if (r.state === 'warming')
    return {
      code: 'resource_not_active',
      severity: 'warning',
      message: `${kind} ${name} is warming: it is not serving yet (waiting for its dependencies, e.g. EDS or RDS)`,
      ref,
    };
  if (r.state === 'draining')
    return {
      code: 'resource_not_active',
      severity: 'info',
      message: `${kind} ${name} is draining: an older version still finishing its connections`,
      ref,
    };
  if (r.state === 'error')
    return {
      code: 'resource_not_active',
      severity: 'error',
      message: `${kind} ${name} was rejected by Envoy${r.errorDetails ? `: ${r.errorDetails.split('\n')[0] ?? ''}` : ''}`,
      ref,
    };
  return undefined;
}

/** Listeners, route configurations and clusters that are warming, draining or in error (NACKed). */
export function checkResourceStates(dump: ConfigDump): Diagnostic[] {
  const out: (Diagnostic | undefined)[] = [
    ...dump.listeners.map((l) => one('listener', { kind: 'listener', name: l.name }, l.name, l)),
    ...dump.routeConfigs.map((r) =>
      one('route config', { kind: 'route_config', name: r.name }, r.name, r),
    ),
    ...dump.clusters.map((c) => one('cluster', { kind: 'cluster', name: c.name }, c.name, c)),
    ...dump.secrets.map((s) => one('secret', { kind: 'secret', name: s.name }, s.name, s)),
  ];
  return out.filter((d): d is Diagnostic => d !== undefined);
}
