import type { Route, RouteMatch } from '@meshlens/configdump';
import { headerFirst, headerJoined, type HeaderList } from './headerList';
import { matchHeaders } from './matchHeader';
import { matchQueryParameters } from './matchQueryParameters';
import { matchString } from './matchString';
import { rawBool, rawObj, rawObjArr, rawStr } from './rawFields';
import { re2FullMatch } from './re2';
import type { RouteTraceOptions } from './routeRequest';
import { matchUriTemplate } from './matchUriTemplate';

/** Why a route did or did not match. */
export interface RouteMatchResult {
  matched: boolean;
  /** The condition that decided (the first failing one, or "all conditions"). */
  reason: string;
  /** Per-condition notes, in Envoy's evaluation order. */
  details: string[];
  /** Set when the route matches only with some probability (unknown random value). */
  probability?: number;
  /** The request path portion the path specifier matched (for `prefix_rewrite`). */
  matchedPath?: string;
}

/** Inputs of route matching besides the route itself. */
export interface RouteMatchInput {
  headers: HeaderList;
  randomValue: number | undefined;
  runtime: Record<string, number> | undefined;
  /** `RouteConfiguration.ignore_path_parameters_in_path_matching`. */
  ignorePathParameters: boolean;
  options: RouteTraceOptions;
}

/** Envoy's `PathUtil::removeQueryAndFragment`. */
export function pathWithoutQuery(path: string): string {
  const cut = path.search(/[?#]/);
  return cut < 0 ? path : path.slice(0, cut);
}

/** Human form of a path specifier. */
export function describePathMatch(m: RouteMatch): string {
  const p = m.path;
  const ci = m.caseSensitive ? '' : ' (case-insensitive)';
  switch (p.kind) {
    case 'prefix':
    case 'path':
    case 'path_separated_prefix':
      return `${p.kind} ${JSON.stringify(p.value)}${ci}`;
    case 'safe_regex':
    case 'regex':
      return `${p.kind} ${JSON.stringify(p.regex)}`;
    case 'connect_matcher':
      return 'connect_matcher';
    case 'path_match_policy':
      return 'path_match_policy (uri template)';
    case 'none':
      return 'no path specifier';
  }
}

function runtimeFraction(route: Route, input: RouteMatchInput): RouteMatchResult | undefined {
  const rf = route.match.runtimeFraction;
  if (!rf) return undefined;
  const key = rf.runtimeKey ?? '';
  if (input.options.mode === 'router_check') {
    // router_check_tool mocks the runtime: only the input's runtime key is enabled, and a default
    // numerator of 0 is bumped to 1 so that key can turn the route on.
    const numerator = rf.numerator === 0 ? 1 : rf.numerator;
    const random = input.randomValue ?? 0;
    const enabled =
      key !== '' && key === input.options.enabledRuntimeKey && random % rf.denominator < numerator;
    const why = `runtime_fraction ${numerator}/${rf.denominator} key ${JSON.stringify(key)} (router_check: enabled runtime ${JSON.stringify(input.options.enabledRuntimeKey ?? '')}, random ${random})`;
    return {
      matched: enabled,
      reason: `${why} -> ${enabled ? 'enabled' : 'disabled'}`,
      details: [],
    };
  }
  let numerator = rf.numerator;
  let denominator = rf.denominator;
  const override = key === '' ? undefined : input.runtime?.[key];
  if (override !== undefined) {
    numerator = override;
    denominator = 100;
  }
  const fraction = `runtime_fraction ${numerator}/${denominator}${override !== undefined ? ` (runtime ${key})` : ''}`;
  if (input.randomValue === undefined) {
    if (numerator >= denominator)
      return { matched: true, reason: `${fraction}: always enabled`, details: [] };
    if (numerator <= 0)
      return { matched: false, reason: `${fraction}: never enabled`, details: [] };
    return {
      matched: false,
      probability: numerator / denominator,
      reason: `${fraction}: matches with probability ${((100 * numerator) / denominator).toFixed(2)}% (no random value given; following the "not taken" branch)`,
      details: [],
    };
  }
  const v = input.randomValue % denominator;
  const enabled = v < numerator;
  return {
    matched: enabled,
    reason: `${fraction}: random ${input.randomValue} % ${denominator} = ${v} ${enabled ? '<' : '>='} ${numerator}`,
    details: [],
  };
}

function isGrpc(headers: HeaderList): boolean {
  const ct = headerFirst(headers, 'content-type');
  return ct !== undefined && (ct === 'application/grpc' || ct.startsWith('application/grpc+'));
}

function parseCookies(headers: HeaderList): Map<string, string> {
  const out = new Map<string, string>();
  const all = headerJoined(headers, 'cookie');
  if (all === undefined) return out;
  for (const part of all.split(/[;,]/)) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (name !== '' && !out.has(name)) out.set(name, eq < 0 ? '' : part.slice(eq + 1).trim());
  }
  return out;
}

function matchPath(
  m: RouteMatch,
  rawPath: string,
  method: string,
  ignorePathParameters: boolean,
): { ok: boolean; reason: string; matched?: string } {
  let path = pathWithoutQuery(rawPath);
  if (ignorePathParameters) {
    const semi = path.indexOf(';');
    if (semi >= 0) path = path.slice(0, semi);
  }
  const desc = describePathMatch(m);
  const cs = m.caseSensitive;
  const eq = (a: string, b: string): boolean =>
    cs ? a === b : a.toLowerCase() === b.toLowerCase();
  const p = m.path;
  let ok: boolean;
  switch (p.kind) {
    case 'prefix':
      ok = eq(path.slice(0, p.value.length), p.value);
      return {
        ok,
        reason: `path ${JSON.stringify(path)} ${ok ? 'starts' : 'does not start'} with ${desc}`,
        matched: p.value,
      };
    case 'path':
      ok = eq(path, p.value);
      return {
        ok,
        reason: `path ${JSON.stringify(path)} ${ok ? 'equals' : 'is not'} ${desc}`,
        matched: p.value,
      };
    case 'path_separated_prefix':
      ok =
        path.length >= p.value.length &&
        eq(path.slice(0, p.value.length), p.value) &&
        (path.length === p.value.length || path[p.value.length] === '/');
      return {
        ok,
        reason: `path ${JSON.stringify(path)} ${ok ? 'matches' : 'does not match'} ${desc} (whole segments only)`,
        matched: p.value,
      };
    case 'safe_regex':
    case 'regex': {
      const r = re2FullMatch(p.regex, path);
      if (!r.ok) return { ok: false, reason: `${desc} is not a valid RE2 regex (${r.error})` };
      const approx =
        p.kind === 'regex'
          ? ' (v2 `regex` was ECMAScript std::regex; evaluated with RE2, approximate)'
          : '';
      return {
        ok: r.matched,
        reason: `path ${JSON.stringify(path)} ${r.matched ? 'fully matches' : 'does not fully match'} ${desc}${approx}`,
        matched: path,
      };
    }
    case 'connect_matcher':
      ok = method.toUpperCase() === 'CONNECT';
      return {
        ok,
        reason: `connect_matcher: method ${method} ${ok ? 'is' : 'is not'} CONNECT`,
        matched: path,
      };
    case 'path_match_policy': {
      const r = matchUriTemplate(p.raw, path);
      return { ok: r.matched, reason: r.reason, matched: path };
    }
    case 'none':
      return { ok: false, reason: 'the route has no path specifier' };
  }
}

/**
 * Envoy's `RouteEntryImplBase::matchRoute` plus the path check: conditions are ANDed and checked
 * in Envoy's order (runtime_fraction, grpc, headers, query_parameters, tls_context,
 * dynamic_metadata, filter_state, cookies, then the path); the first failing one is the reason.
 */
export function matchRoute(route: Route, input: RouteMatchInput): RouteMatchResult {
  const m = route.match;
  const details: string[] = [];
  const fail = (reason: string, probability?: number): RouteMatchResult =>
    probability === undefined
      ? { matched: false, reason, details }
      : { matched: false, reason, details, probability };

  const rt = runtimeFraction(route, input);
  if (rt) {
    details.push(rt.reason);
    if (!rt.matched) return fail(rt.reason, rt.probability);
  }
  if (m.grpc) {
    const ok = isGrpc(input.headers);
    const why = `grpc: content-type ${ok ? 'is' : 'is not'} application/grpc`;
    details.push(why);
    if (!ok) return fail(why);
  }
  const hm = matchHeaders(m.headers, input.headers);
  if (m.headers.length > 0) details.push(...hm.details);
  if (!hm.matched) return fail(hm.reason);
  if (m.queryParameters.length > 0) {
    const q = matchQueryParameters(
      m.queryParameters,
      headerFirst(input.headers, ':path') ?? '',
      input.options.legacyQueryPresentMatch,
    );
    details.push(q.reason);
    if (!q.matched) return fail(q.reason);
  }
  const tls = rawObj(m.raw, 'tls_context');
  if (tls) {
    // No client certificate is known to a static trace (router_check has none either).
    const presented = rawBool(tls, 'presented');
    const validated = rawBool(tls, 'validated');
    if (presented === true || validated === true) {
      const why = 'tls_context requires a client certificate; the trace assumes none was presented';
      details.push(why);
      return fail(why);
    }
  }
  for (const key of ['dynamic_metadata', 'filter_state'] as const) {
    if (rawObjArr(m.raw, key).length > 0) {
      const why = `${key} conditions depend on runtime state a static trace cannot see (assumed not to match)`;
      details.push(why);
      return fail(why);
    }
  }
  const cookieMatchers = rawObjArr(m.raw, 'cookies');
  if (cookieMatchers.length > 0) {
    const cookies = parseCookies(input.headers);
    for (const c of cookieMatchers) {
      const name = rawStr(c, 'name') ?? '';
      const invert = rawBool(c, 'invert_match') ?? false;
      const value = cookies.get(name);
      const sm = rawObj(c, 'string_match');
      let ok = false;
      if (value !== undefined && sm) {
        const exact = rawStr(sm, 'exact');
        const prefix = rawStr(sm, 'prefix');
        const ignoreCase = rawBool(sm, 'ignore_case') ?? false;
        if (exact !== undefined)
          ok = matchString({ kind: 'exact', value: exact, ignoreCase }, value).matched;
        else if (prefix !== undefined)
          ok = matchString({ kind: 'prefix', value: prefix, ignoreCase }, value).matched;
        else {
          const re = rawStr(rawObj(sm, 'safe_regex'), 'regex');
          ok =
            re !== undefined &&
            matchString({ kind: 'safe_regex', regex: re, ignoreCase }, value).matched;
        }
      }
      if (ok === invert) {
        const why = `cookie ${JSON.stringify(name)} ${value === undefined ? 'is absent' : 'does not satisfy its matcher'}${invert ? ' (inverted)' : ''}`;
        details.push(why);
        return fail(why);
      }
    }
  }
  const pm = matchPath(
    m,
    headerFirst(input.headers, ':path') ?? '',
    headerFirst(input.headers, ':method') ?? '',
    input.ignorePathParameters,
  );
  details.push(pm.reason);
  if (!pm.ok) return fail(pm.reason);
  const result: RouteMatchResult = { matched: true, reason: 'all conditions match', details };
  if (pm.matched !== undefined) result.matchedPath = pm.matched;
  return result;
}
