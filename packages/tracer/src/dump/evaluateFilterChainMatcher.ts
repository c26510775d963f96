import type { JsonObject, JsonValue, Listener } from '@meshlens/configdump';
import { matchString } from '../matchString';
import { parseHeaderMatcherRaw } from '../parseHeaderMatcherRaw';
import { rawField, rawNum, rawObj, rawObjArr, rawStr } from '../rawFields';
import type { EffectiveConnection } from './connection';
import { cidrContains, parseIp } from './ipAddress';
import type { FilterChainSelection } from './selectFilterChain';

// The xds unified matcher (`Listener.filter_chain_matcher`) over network inputs (§4.3).

function inputValue(input: JsonValue | undefined, c: EffectiveConnection): string | undefined {
  const type = rawStr(rawObj(input, 'typed_config'), '@type') ?? '';
  const kind = type.slice(type.lastIndexOf('.') + 1);
  switch (kind) {
    case 'DestinationIPInput':
      return c.localIp;
    case 'DestinationPortInput':
      return String(c.localPort);
    case 'SourceIPInput':
    case 'DirectSourceIPInput':
      return c.srcIp;
    case 'SourcePortInput':
      return c.srcPort === undefined ? undefined : String(c.srcPort);
    case 'SourceTypeInput':
      return c.isLocal ? 'local' : undefined;
    case 'ServerNameInput':
      return c.serverName === '' ? undefined : c.serverName;
    case 'TransportProtocolInput':
      return c.transportProtocol;
    case 'ApplicationProtocolInput':
      return c.applicationProtocols.length === 0
        ? undefined
        : c.applicationProtocols.map((p) => `'${p}'`).join(',');
    default:
      return undefined;
  }
}

function inputName(input: JsonValue | undefined): string {
  return rawStr(input, 'name') ?? rawStr(rawObj(input, 'typed_config'), '@type') ?? 'input';
}

function predicate(p: JsonObject, c: EffectiveConnection, why: string[]): boolean {
  const single = rawObj(p, 'single_predicate');
  if (single) {
    const v = inputValue(rawField(single, 'input'), c);
    const vm = rawObj(single, 'value_match');
    if (v === undefined || !vm) return false;
    const m = parseHeaderMatcherRaw({ name: 'x', string_match: vm }).match;
    const ok = m.kind === 'string' && matchString(m.matcher, v).matched;
    why.push(
      `${inputName(rawField(single, 'input'))} = "${v}" ${ok ? 'matches' : 'does not match'}`,
    );
    return ok;
  }
  const or = rawObj(p, 'or_matcher');
  if (or) return rawObjArr(or, 'predicate').some((x) => predicate(x, c, why));
  const and = rawObj(p, 'and_matcher');
  if (and) return rawObjArr(and, 'predicate').every((x) => predicate(x, c, why));
  const not = rawObj(p, 'not_matcher');
  if (not) return !predicate(not, c, why);
  return false;
}

function onMatch(
  om: JsonObject | undefined,
  c: EffectiveConnection,
  why: string[],
): string | undefined {
  if (!om) return undefined;
  const action = rawObj(om, 'action');
  if (action) {
    const tc = rawObj(action, 'typed_config');
    const v = rawField(tc, 'value');
    return typeof v === 'string' ? v : undefined;
  }
  const nested = rawObj(om, 'matcher');
  return nested ? evalMatcher(nested, c, why) : undefined;
}

function evalMatcher(m: JsonObject, c: EffectiveConnection, why: string[]): string | undefined {
  const list = rawObj(m, 'matcher_list');
  if (list) {
    for (const fm of rawObjArr(list, 'matchers')) {
      const p = rawObj(fm, 'predicate');
      if (p && predicate(p, c, why)) {
        const r = onMatch(rawObj(fm, 'on_match'), c, why);
        if (r !== undefined) return r;
      }
    }
  }
  const tree = rawObj(m, 'matcher_tree');
  if (tree) {
    const input = rawField(tree, 'input');
    const v = inputValue(input, c);
    why.push(`${inputName(input)} = ${v === undefined ? '(no value)' : `"${v}"`}`);
    if (v !== undefined) {
      const exact = rawObj(rawObj(tree, 'exact_match_map'), 'map');
      const hit = exact ? rawObj(exact, v) : undefined;
      const r = hit ? onMatch(hit, c, why) : undefined;
      if (r !== undefined) return r;
      const prefix = rawObj(rawObj(tree, 'prefix_match_map'), 'map');
      if (prefix) {
        const keys = Object.keys(prefix)
          .filter((k) => v.startsWith(k))
          .sort((a, b) => b.length - a.length);
        for (const k of keys) {
          const r2 = onMatch(rawObj(prefix, k), c, why);
          if (r2 !== undefined) return r2;
        }
      }
      const custom = rawObj(rawObj(tree, 'custom_match'), 'typed_config');
      const ip = parseIp(v);
      if (custom && ip) {
        // IPMatcher: longest prefix first; a failing exclusive range stops the search.
        const ranges = rawObjArr(custom, 'range_matchers')
          .flatMap((rm) =>
            rawObjArr(rm, 'ranges').map((r) => ({
              rm,
              len: rawNum(r, 'prefix_len') ?? 0,
              cidr: {
                addressPrefix: rawStr(r, 'address_prefix') ?? '',
                prefixLen: rawNum(r, 'prefix_len') ?? 0,
              },
            })),
          )
          .filter((x) => cidrContains(x.cidr, ip))
          .sort((a, b) => b.len - a.len);
        for (const x of ranges) {
          const r3 = onMatch(rawObj(x.rm, 'on_match'), c, why);
          if (r3 !== undefined) return r3;
          if (rawField(x.rm, 'exclusive') === true) break;
        }
      }
    }
  }
  return onMatch(rawObj(m, 'on_no_match'), c, why);
}

/** Selects a chain with `filter_chain_matcher`; chain names come from `StringValue` actions. */
export function evaluateFilterChainMatcher(
  l: Listener,
  c: EffectiveConnection,
): FilterChainSelection {
  const why: string[] = [];
  const m = l.filterChainMatcher;
  const name = m && typeof m === 'object' && !Array.isArray(m) ? evalMatcher(m, c, why) : undefined;
  const explanation = [
    `The listener uses filter_chain_matcher (chains' filter_chain_match is ignored): ${why.join('; ')}.`,
  ];
  if (name !== undefined) {
    const chain = l.filterChains.find((x) => x.name === name);
    if (chain) {
      explanation.push(`The matcher selects chain "${name}".`);
      return { chain, via: 'matcher', levels: [], explanation };
    }
    explanation.push(
      `The matcher names chain "${name}", which does not exist: Envoy closes the connection.`,
    );
    return { via: 'none', levels: [], explanation };
  }
  if (l.defaultFilterChain) {
    explanation.push(`No match: default_filter_chain "${l.defaultFilterChain.name}".`);
    return { chain: l.defaultFilterChain, via: 'default', levels: [], explanation };
  }
  explanation.push('No match and no default_filter_chain: the connection is closed.');
  return { via: 'none', levels: [], explanation };
}
