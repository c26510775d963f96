import { obj, str } from './fields';
import type { IstioConfigRef, JsonObject } from './model';
import { parseIstioConfigPath } from './parseIstioConfigPath';

// The subset clusters of one service and the routes of one VirtualService sit next to each other
// and name the same config object; remembering the last path saves splitting it again for each.
let lastPath: string | undefined;
let lastRef: IstioConfigRef | undefined;

/** The Istio config object named in `metadata.filter_metadata.istio.config`, if any. */
export function istioConfigOf(o: JsonObject): IstioConfigRef | undefined {
  const md = obj(o, 'metadata');
  const fm = md && obj(md, 'filter_metadata');
  const istio = fm && obj(fm, 'istio');
  const path = istio && str(istio, 'config');
  if (path === undefined) return undefined;
  if (path !== lastPath) {
    lastPath = path;
    lastRef = parseIstioConfigPath(path);
  }
  // A fresh object each time: callers own what the model holds.
  return lastRef && { ...lastRef };
}
