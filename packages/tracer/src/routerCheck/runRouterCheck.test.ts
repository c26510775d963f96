import { describe, expect, it } from 'vitest';
import { readRouteConfiguration } from '../readRouteConfiguration';
import { formatRouterCheckReport } from './formatRouterCheckReport';
import { parseRouterCheckTests } from './parseRouterCheckTests';
import { runRouterCheck } from './runRouterCheck';

const CONFIG = `
virtual_hosts:
- name: www
  domains: ["*"]
  routes:
  - match:
      prefix: /
      runtime_fraction: { default_value: { numerator: 0 }, runtime_key: routing.canary }
    route: { cluster: canary }
  - match: { prefix: /slow }
    route: { cluster: slow, timeout: 2.5s }
    request_headers_to_add:
    - header: { key: x-trace, value: "%REQ(:METHOD)%-%DOWNSTREAM_REMOTE_ADDRESS_WITHOUT_PORT%" }
  - match: { prefix: / }
    route: { cluster: main }
`;

function run(tests: object[]): ReturnType<typeof runRouterCheck> {
  const rc = readRouteConfiguration(CONFIG);
  if (!rc.ok) throw new Error(rc.error);
  const suite = parseRouterCheckTests(JSON.stringify({ tests }), 'inline.json');
  if (!suite.ok) throw new Error(suite.error.message);
  return runRouterCheck(rc.routeConfig, suite.suite);
}
const input = (over: object): object => ({ authority: 'a', path: '/', method: 'GET', ...over });

describe('runRouterCheck (router_check_tool semantics)', () => {
  it('enables a runtime_fraction route only for the input runtime key, bumping a 0 numerator to 1', () => {
    const r = run([
      { test_name: 'off', input: input({}), validate: { cluster_name: 'main' } },
      {
        test_name: 'on',
        input: input({ runtime: 'routing.canary' }),
        validate: { cluster_name: 'canary' },
      },
      {
        test_name: 'on but random misses',
        input: input({ runtime: 'routing.canary', random_value: 1 }),
        validate: { cluster_name: 'main' },
      },
      {
        test_name: 'other key',
        input: input({ runtime: 'other' }),
        validate: { cluster_name: 'main' },
      },
    ]);
    expect(r.map((x) => [x.name, x.passed])).toEqual([
      ['off', true],
      ['on', true],
      ['on but random misses', true],
      ['other key', true],
    ]);
  });

  it('checks timeout, formatter-expanded request headers and legacy header fields', () => {
    const [ok, bad] = run([
      {
        test_name: 'ok',
        input: input({ path: '/slow' }),
        validate: {
          timeout: '2.5s',
          request_header_fields: [{ key: 'x-trace', value: 'GET-127.0.0.1' }],
        },
      },
      {
        test_name: 'bad',
        input: input({ path: '/slow' }),
        validate: { timeout: '3s', cluster_name: 'main' },
      },
    ]);
    expect(ok?.failures).toEqual([]);
    expect(bad?.failures).toEqual([
      'expected: [3s], actual: [2.5s], test type: timeout',
      'expected: [main], actual: [slow], test type: cluster_name',
    ]);
  });

  it('fails tests that use unsupported input fields, and reports like router_check', () => {
    const r = run([
      {
        test_name: 'dm',
        input: input({ dynamic_metadata: [] }),
        validate: { cluster_name: 'main' },
      },
    ]);
    expect(r[0]?.passed).toBe(false);
    const text = formatRouterCheckReport(r, { details: true });
    expect(text).toMatch(
      /FAIL {2}dm\n.*input field "dynamic_metadata" is not supported.*\n.*route decision/,
    );
    expect(text).toMatch(/0\/1 tests passed, 1 failed\./);
  });
});
