import type { JsonValue } from '@meshlens/configdump';
import { parseHeaderMatcherRaw } from './parseHeaderMatcherRaw';
import type { HeaderList } from './headerList';
import { matchHeaders } from './matchHeader';
import { rawObjArr, rawStr } from './rawFields';

/**
 * The virtual cluster (stats bucket) of a request: the first of the vhost's `virtual_clusters`
 * whose header matchers all match; `other` when some are defined but none matches; undefined when
 * the vhost defines none.
 */
export function selectVirtualCluster(
  vhostRaw: JsonValue,
  headers: HeaderList,
): { name: string; explanation: string } | undefined {
  const vcs = rawObjArr(vhostRaw, 'virtual_clusters');
  if (vcs.length === 0) return undefined;
  for (const vc of vcs) {
    const name = rawStr(vc, 'name') ?? '';
    const matchers = rawObjArr(vc, 'headers').map(parseHeaderMatcherRaw);
    // v2 virtual clusters used `pattern` (regex on :path) + `method`.
    const pattern = rawStr(vc, 'pattern');
    if (pattern !== undefined)
      matchers.push(parseHeaderMatcherRaw({ name: ':path', safe_regex_match: { regex: pattern } }));
    const method = rawStr(vc, 'method');
    if (method !== undefined)
      matchers.push(parseHeaderMatcherRaw({ name: ':method', exact_match: method }));
    if (matchers.length > 0 && matchHeaders(matchers, headers).matched) {
      return { name, explanation: `Virtual cluster "${name}" matches the request.` };
    }
  }
  return {
    name: 'other',
    explanation: `None of the ${vcs.length} virtual clusters match: the request counts as "other".`,
  };
}
