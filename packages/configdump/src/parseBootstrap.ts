import { parseAddress } from './address';
import { field, obj, objArr, str } from './fields';
import type { Bootstrap, JsonObject } from './model';
import { parseNode } from './parseNode';

function names(list: JsonObject[]): string[] {
  const out: string[] = [];
  for (const r of list) {
    const n = str(r, 'name');
    if (n !== undefined) out.push(n);
  }
  return out;
}

/** Reads a `BootstrapConfigDump` section (`bootstrap` + `last_updated`). */
export function parseBootstrap(section: JsonObject): Bootstrap {
  const b = obj(section, 'bootstrap') ?? {};
  const node = obj(b, 'node');
  const sr = obj(b, 'static_resources') ?? {};
  const out: Bootstrap = {
    node: node ? parseNode(node) : undefined,
    staticClusterNames: names(objArr(sr, 'clusters')),
    staticListenerNames: names(objArr(sr, 'listeners')),
    raw: section,
  };
  const admin = obj(b, 'admin');
  if (admin && field(admin, 'address') !== undefined) {
    out.adminAddress = parseAddress(field(admin, 'address'));
  }
  const lu = str(section, 'last_updated');
  if (lu !== undefined) out.lastUpdated = lu;
  return out;
}
