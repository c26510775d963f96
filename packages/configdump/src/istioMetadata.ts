import { obj, str } from './fields';
import type { IstioConfigRef, JsonObject } from './model';
import { parseIstioConfigPath } from './parseIstioConfigPath';

/** The Istio config object named in `metadata.filter_metadata.istio.config`, if any. */
export function istioConfigOf(o: JsonObject): IstioConfigRef | undefined {
  const md = obj(o, 'metadata');
  const fm = md && obj(md, 'filter_metadata');
  const istio = fm && obj(fm, 'istio');
  const path = istio && str(istio, 'config');
  return path === undefined ? undefined : parseIstioConfigPath(path);
}
