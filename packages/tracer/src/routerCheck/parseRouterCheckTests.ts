import type { JsonObject } from '@meshlens/configdump';
import { parse as parseYaml } from 'yaml';
import type { HeaderList } from '../headerList';
import { isObject, rawBool, rawField, rawNum, rawObjArr, rawStr } from '../rawFields';
import { parseTolerantJson } from './parseTolerantJson';

/** `ValidationInput` of router_check_tool's `validation.proto`. */
export interface RouterCheckInput {
  authority: string;
  path: string;
  method: string;
  randomValue: number;
  ssl: boolean;
  internal: boolean;
  additionalRequestHeaders: HeaderList;
  additionalResponseHeaders: HeaderList;
  /** The one runtime key considered enabled. */
  runtime?: string;
  /** Input fields this implementation does not support: a test using them fails. */
  unsupported: string[];
}

/** One `ValidationItem`. */
export interface RouterCheckTest {
  name: string;
  input: RouterCheckInput;
  /** The raw `ValidationAssert`: every present field is checked. */
  validate: JsonObject;
}

/** A parsed test file (`envoy.RouterCheckToolSchema.Validation`). */
export interface RouterCheckSuite {
  tests: RouterCheckTest[];
  /** Top-level `runtime` overrides (e.g. RE2 program-size limits); informational. */
  runtime?: JsonObject;
}

/** A test file could not be read. */
export interface RouterCheckParseError {
  message: string;
}

const INPUT_FIELDS = new Set([
  'authority',
  'path',
  'method',
  'random_value',
  'ssl',
  'internal',
  'additional_request_headers',
  'additional_response_headers',
  'runtime',
]);

function headerValues(o: JsonObject, key: string): HeaderList {
  return rawObjArr(o, key).map((h) => [
    (rawStr(h, 'key') ?? '').toLowerCase(),
    rawStr(h, 'value') ?? '',
  ]);
}

function toSnake(k: string): string {
  return k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function parseInput(o: JsonObject): RouterCheckInput {
  const input: RouterCheckInput = {
    authority: rawStr(o, 'authority') ?? '',
    path: rawStr(o, 'path') ?? '',
    method: rawStr(o, 'method') ?? '',
    randomValue: rawNum(o, 'random_value') ?? 0,
    ssl: rawBool(o, 'ssl') ?? false,
    internal: rawBool(o, 'internal') ?? false,
    additionalRequestHeaders: headerValues(o, 'additional_request_headers'),
    additionalResponseHeaders: headerValues(o, 'additional_response_headers'),
    unsupported: Object.keys(o)
      .map(toSnake)
      .filter((k) => !INPUT_FIELDS.has(k)),
  };
  const runtime = rawStr(o, 'runtime');
  if (runtime !== undefined && runtime !== '') input.runtime = runtime;
  return input;
}

/**
 * Reads router_check_tool's test file: JSON (trailing commas accepted, like Envoy) or YAML. The
 * text-proto form (`.pb_text`) is not supported and says so.
 */
export function parseRouterCheckTests(
  text: string,
  fileName = '',
): { ok: true; suite: RouterCheckSuite } | { ok: false; error: RouterCheckParseError } {
  let doc: unknown;
  if (/\.pb_?text$/.test(fileName))
    return {
      ok: false,
      error: {
        message: `${fileName}: text-proto test files are not supported; use the JSON or YAML form`,
      },
    };
  if (/\.ya?ml$/.test(fileName)) {
    try {
      doc = parseYaml(text) as unknown;
    } catch (err) {
      return {
        ok: false,
        error: {
          message: `${fileName}: invalid YAML: ${err instanceof Error ? err.message : String(err)}`,
        },
      };
    }
  } else {
    const j = parseTolerantJson(text);
    if (!j.ok)
      return { ok: false, error: { message: `${fileName || 'tests'}: invalid JSON: ${j.error}` } };
    doc = j.value;
  }
  if (!isObject(doc))
    return { ok: false, error: { message: `${fileName}: expected an object with "tests"` } };
  const rawTests = rawField(doc, 'tests');
  if (!Array.isArray(rawTests) || rawTests.length === 0)
    return { ok: false, error: { message: `${fileName}: "tests" must be a non-empty list` } };
  const tests: RouterCheckTest[] = [];
  for (const [i, t] of rawTests.entries()) {
    if (!isObject(t))
      return { ok: false, error: { message: `${fileName}: tests[${i}] is not an object` } };
    const name = rawStr(t, 'test_name');
    if (name === undefined || name === '')
      return { ok: false, error: { message: `${fileName}: tests[${i}] has no test_name` } };
    const input = rawField(t, 'input');
    if (!isObject(input))
      return { ok: false, error: { message: `${fileName}: test "${name}" has no input` } };
    const validate = rawField(t, 'validate');
    tests.push({ name, input: parseInput(input), validate: isObject(validate) ? validate : {} });
  }
  const suite: RouterCheckSuite = { tests };
  const runtime = rawField(doc, 'runtime');
  if (isObject(runtime)) suite.runtime = runtime;
  return { ok: true, suite };
}
