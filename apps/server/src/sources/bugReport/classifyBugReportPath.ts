/** What a file of an `istioctl bug-report` archive is, judged by its name and place. */
export type BugReportFile =
  | { kind: 'proxy_config_dump'; pod?: string; namespace?: string }
  | { kind: 'proxy_clusters'; pod?: string; namespace?: string }
  | { kind: 'istiod_debug'; what: 'syncz' | 'registryz' | 'configz'; istiod: string }
  | { kind: 'other' };

// Container folders some layouts put between the pod folder and the files.
const CONTAINER_DIRS = /^(istio-proxy|discovery|proxy|sidecar|envoy)$/;

/**
 * Classifies an archive path tolerantly: file names (`config_dump[.json]`, `clusters[.json]`,
 * `syncz`, `registryz`, `configz`) decide what a file is, the folders around it who it belongs to
 * (`.../<namespace>/<pod>/[<container>/]config_dump.json`; istiod files under `.../<istiod pod>/[debug/]syncz`).
 * Archive layouts changed across istioctl versions, so nothing depends on a fixed root.
 */
export function classifyBugReportPath(path: string): BugReportFile {
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  const file = segments.pop() ?? '';
  const base = file.replace(/\.(json|txt|yaml|log)$/i, '');
  const dirs = [...segments];
  if (base === 'syncz' || base === 'registryz' || base === 'configz') {
    if (dirs.at(-1) === 'debug') dirs.pop();
    return { kind: 'istiod_debug', what: base, istiod: dirs.at(-1) ?? 'istiod' };
  }
  if (base !== 'config_dump' && base !== 'clusters') return { kind: 'other' };
  // istiod's own debug/config_dump (per proxy) is not a proxy's dump.
  if (dirs.at(-1) === 'debug') return { kind: 'other' };
  if (dirs.length > 0 && CONTAINER_DIRS.test(dirs.at(-1) ?? '')) dirs.pop();
  const pod = dirs.at(-1);
  const namespace = dirs.at(-2);
  const owner = { ...(pod ? { pod } : {}), ...(namespace ? { namespace } : {}) };
  return base === 'config_dump'
    ? { kind: 'proxy_config_dump', ...owner }
    : { kind: 'proxy_clusters', ...owner };
}
