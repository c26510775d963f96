import type { ConfigDump } from '@meshlens/configdump';
import { formatRef, type Diagnostic } from './diagnostic';

const WHAT: Record<string, string> = {
  route_config: 'route configuration',
  cluster: 'cluster',
  endpoints: 'endpoint assignment',
  secret: 'secret',
  extension_config: 'extension config',
};

/** Names used but not defined, from the dump's reference index (only for sections the dump has). */
export function checkDanglingReferences(dump: ConfigDump): Diagnostic[] {
  return dump.index.dangling.map((d) => {
    // Missing routes and clusters break traffic (404 / 503); missing EDS or secrets may be transient.
    const severity =
      d.expected === 'cluster' || d.expected === 'route_config' ? 'error' : 'warning';
    const effect =
      d.expected === 'cluster'
        ? ' (requests get 503 NC)'
        : d.expected === 'route_config'
          ? ' (requests get 404 NR until RDS delivers it)'
          : d.expected === 'endpoints'
            ? ' (no upstream hosts: 503 UH)'
            : '';
    return {
      code: 'dangling_reference',
      severity,
      message: `${formatRef(d.from)} uses ${WHAT[d.expected] ?? d.expected} "${d.name}" (${d.via}), which is not in the dump${effect}`,
      ref: d.from,
    };
  });
}
