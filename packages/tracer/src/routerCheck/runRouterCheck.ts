import type { JsonObject, JsonValue, RouteConfig } from '@meshlens/configdump';
import { headerFirst, headerJoined } from '../headerList';
import { matchHeader } from '../matchHeader';
import { parseDuration } from '../parseDuration';
import { parseHeaderMatcherRaw } from '../parseHeaderMatcherRaw';
import { isObject, rawField, rawObjArr, rawStr, toNumber } from '../rawFields';
import type { RouteTrace } from '../routeTraceTypes';
import { traceRoute } from '../traceRoute';
import type { RouterCheckSuite, RouterCheckTest } from './parseRouterCheckTests';

/** The outcome of one router_check test. */
export interface RouterCheckResult {
  name: string;
  passed: boolean;
  /** One line per failed assertion: `expected: [x], actual: [y], test type: cluster_name`. */
  failures: string[];
  /** The trace behind the verdict (for `--details`). */
  trace: RouteTrace;
}

function unwrap(v: JsonValue | undefined): JsonValue | undefined {
  // proto3 JSON prints wrapper types bare, but `{ "value": x }` appears in hand-written files.
  return isObject(v) && Object.keys(v).length === 1 && 'value' in v ? v.value : v;
}

function asText(v: JsonValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  return JSON.stringify(v);
}

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// What router_check_tool reports for each assertion. Route-entry fields are empty for redirects and
// direct responses (they have no route entry); redirect fields are empty for forwarding routes.
function actualString(field: string, t: RouteTrace): string {
  const routeEntry = t.outcome === 'forward';
  switch (field) {
    case 'cluster_name':
      return routeEntry ? (t.cluster ?? '') : '';
    case 'virtual_cluster_name':
      return routeEntry ? (t.virtualCluster ?? '') : '';
    case 'virtual_host_name':
      return routeEntry ? (t.virtualHost?.name ?? '') : '';
    case 'path_rewrite':
      return routeEntry ? (headerFirst(t.requestHeaders, ':path') ?? '') : '';
    case 'host_rewrite':
      return routeEntry ? (headerFirst(t.requestHeaders, ':authority') ?? '') : '';
    case 'path_redirect':
      return t.redirect?.location ?? t.directResponse?.uri ?? '';
    default:
      return '';
  }
}

const STRING_FIELDS = [
  'cluster_name',
  'virtual_cluster_name',
  'virtual_host_name',
  'path_rewrite',
  'host_rewrite',
  'path_redirect',
];

function toSnake(k: string): string {
  return k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Checks every assertion of one test against its trace; unknown assertion fields fail the test. */
export function checkAssertions(validate: JsonObject, t: RouteTrace): string[] {
  const failures: string[] = [];
  const mismatch = (expected: string, actual: string, type: string): void => {
    failures.push(`expected: [${expected}], actual: [${actual}], test type: ${type}`);
  };
  for (const [key, rawValue] of Object.entries(validate)) {
    const field = toSnake(key);
    const value = unwrap(rawValue);
    if (STRING_FIELDS.includes(field)) {
      const actual = actualString(field, t);
      if (asText(value) !== actual) mismatch(asText(value), actual, field);
    } else if (field === 'code_redirect') {
      const actual = t.redirect?.status ?? t.directResponse?.status ?? 0;
      if (toNumber(value) !== actual) mismatch(asText(value), String(actual), field);
    } else if (field === 'timeout') {
      const expected = parseDuration(value);
      const actual = t.outcome === 'forward' ? t.timeoutSeconds : undefined;
      if (expected === undefined || actual !== expected)
        mismatch(asText(value), actual === undefined ? '' : `${actual}s`, field);
    } else if (field === 'request_header_matches' || field === 'response_header_matches') {
      const headers = field === 'request_header_matches' ? t.requestHeaders : t.responseHeaders;
      for (const raw of rawObjArr(validate, key)) {
        const m = matchHeader(parseHeaderMatcherRaw(raw), headers);
        if (!m.matched)
          failures.push(
            `actual: [${headerJoined(headers, rawStr(raw, 'name') ?? '') ?? '(absent)'}], test type: ${field}.${rawStr(raw, 'name') ?? ''} (${m.reason})`,
          );
      }
    } else if (field === 'request_header_fields' || field === 'response_header_fields') {
      const headers = field === 'request_header_fields' ? t.requestHeaders : t.responseHeaders;
      for (const raw of rawObjArr(validate, key)) {
        const name = rawStr(raw, 'key') ?? '';
        const actual = headerJoined(headers, name) ?? '';
        const expected = rawStr(raw, 'value') ?? '';
        if (actual !== expected) mismatch(expected, actual, `${field}.${name}`);
      }
    } else if (field === 'route_metadata') {
      const fm = t.route ? t.routeMetadata : undefined;
      for (const raw of rawObjArr(validate, key)) {
        const ns = rawStr(raw, 'namespace') ?? '';
        const k = rawStr(raw, 'key') ?? '';
        const expected = rawField(raw, 'value');
        const actual = isObject(fm) ? rawField(fm[ns], k) : undefined;
        if (!sameJson(actual, expected))
          mismatch(
            asText(expected),
            actual === undefined ? '' : asText(actual),
            `route_metadata.${ns}.${k}`,
          );
      }
    } else {
      failures.push(
        `validation field "${key}" is not supported by meshlens route-check (counted as a failure)`,
      );
    }
  }
  return failures;
}

/** Runs one test in router_check_tool mode. */
export function runRouterCheckTest(rc: RouteConfig, test: RouterCheckTest): RouterCheckResult {
  const i = test.input;
  const trace = traceRoute(
    rc,
    {
      authority: i.authority,
      path: i.path,
      method: i.method,
      scheme: i.ssl ? 'https' : 'http',
      headers: i.additionalRequestHeaders,
      internal: i.internal,
      randomValue: i.randomValue,
    },
    {
      mode: 'router_check',
      ...(i.runtime !== undefined ? { enabledRuntimeKey: i.runtime } : {}),
      upstreamResponseHeaders: i.additionalResponseHeaders,
    },
  );
  const failures = i.unsupported.map(
    (f) => `input field "${f}" is not supported by meshlens route-check (counted as a failure)`,
  );
  failures.push(...checkAssertions(test.validate, trace));
  return { name: test.name, passed: failures.length === 0, failures, trace };
}

/** Runs every test of a suite. */
export function runRouterCheck(rc: RouteConfig, suite: RouterCheckSuite): RouterCheckResult[] {
  return suite.tests.map((t) => runRouterCheckTest(rc, t));
}
