import type { IstioConfigRef, JsonValue } from '@meshlens/configdump';

// istioctl's VIRTUAL SERVICE / DESTINATION RULE columns come from the `filter_metadata.istio.config`
// path Istio stamps on routes and clusters: `/apis/<group>/<version>/namespaces/<ns>/<kind>/<name>`,
// printed as `<name>.<ns>`. Istio 1.22+ writes `networking.istio.io/v1` there (istioctl's golden
// `pc-routes-gateway-v3` shows `httpbin.default` for such a path), older ones `v1alpha3`; a path of
// any other shape reads `<unknown>`, as in istioctl.

function child(value: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  for (const k of keys) if (value[k] !== undefined) return value[k];
  return undefined;
}

/**
 * The raw `metadata.filter_metadata.istio.config` string of a route or cluster. The model only
 * carries `istioConfig` when the path parses, but istioctl prints `<unknown>` for one that does
 * not, so the raw value is consulted (a documented gap of @meshlens/configdump).
 */
function rawConfigPath(raw: JsonValue): string | undefined {
  const path = child(
    child(child(child(raw, 'metadata'), 'filter_metadata', 'filterMetadata'), 'istio'),
    'config',
  );
  return typeof path === 'string' ? path : undefined;
}

/** `name.namespace` of the Istio config behind an Envoy object, `<unknown>` for foreign paths, '' if none. */
export function describeIstioConfig(
  ref: IstioConfigRef | undefined,
  raw: JsonValue = null,
): string {
  // The model only carries a ref for a path of istioctl's shape, whose text is `<name>.<ns>`.
  if (ref !== undefined) return `${ref.name}.${ref.namespace}`;
  const path = rawConfigPath(raw);
  if (path === undefined || path === '') return '';
  const pieces = path.split('/');
  if (
    pieces.length !== 8 ||
    pieces[0] !== '' ||
    pieces[1] !== 'apis' ||
    pieces[4] !== 'namespaces'
  ) {
    return '<unknown>';
  }
  return `${pieces[7] ?? ''}.${pieces[5] ?? ''}`;
}
