import type { IstioConfigRef } from '@meshlens/configdump';

// istioctl's VIRTUAL SERVICE / DESTINATION RULE columns come from the `filter_metadata.istio.config`
// path Istio stamps on routes and clusters: `/apis/<group>/<version>/namespaces/<ns>/<kind>/<name>`,
// printed as `<name>.<ns>`. Istio 1.22+ writes `networking.istio.io/v1` there (istioctl's golden
// `pc-routes-gateway-v3` shows `httpbin.default` for such a path), older ones `v1alpha3`; a path of
// any other shape reads `<unknown>`, as in istioctl.

/** `name.namespace` of the Istio config behind an Envoy object, `<unknown>` for foreign paths, '' if none. */
export function describeIstioConfig(ref: IstioConfigRef | undefined): string {
  if (ref === undefined || ref.path === '') return '';
  const pieces = ref.path.split('/');
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
