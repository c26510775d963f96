// Envoy's own router_check_tool suites, run through the Meshlens tracer in router_check mode.
// Every test file in fixtures/router-check is paired with its route configuration; none is skipped.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { runRouteCheck } from '../../apps/server/src/cli/routeCheckCommand';
import {
  parseRouterCheckTests,
  readRouteConfiguration,
  runRouterCheck,
} from '../../packages/tracer/src/index';
import { describeFixtures, fixture, listFixtureFiles } from './fixtures';

const DIR = 'router-check';

// Suites designed to fail, as in Envoy's route_tests.sh, with the tests that must fail and how many
// assertions each breaks (every assertion of those tests is written to be wrong).
const EXPECTED_FAILURES: Record<string, Record<string, number>> = {
  'TestRoutesFailures.golden.proto.json': { 'ResponseHeaderMatches Failures': 5 },
  'RouteMetadata.golden.proto.json': { MetadataValueMismatch: 1, MetadataNamespaceMissing: 1 },
};

const files = listFixtureFiles(DIR).map((f) => basename(f));
const testFiles = files.filter((f) => f.includes('.golden.'));
const configFiles = files.filter((f) => !f.includes('.golden.'));

/** `TestRoutesFailures.golden.proto.json` -> `TestRoutes.yaml` (Envoy runs the failure suite on the base config). */
function configFor(testFile: string): string {
  const suite = testFile.slice(0, testFile.indexOf('.golden.')).replace(/Failures$/, '');
  return `${suite}.yaml`;
}

describeFixtures('router_check_tool suites (fixtures/router-check)', () => {
  it('pairs every test file with a configuration and uses every configuration', () => {
    expect(testFiles.length).toBeGreaterThanOrEqual(14);
    for (const t of testFiles) expect(configFiles, `config for ${t}`).toContain(configFor(t));
    const used = new Set(testFiles.map(configFor));
    expect(configFiles.filter((c) => !used.has(c))).toEqual([]);
    for (const f of Object.keys(EXPECTED_FAILURES)) expect(testFiles).toContain(f);
  });

  for (const testFile of testFiles) {
    const configFile = configFor(testFile);
    const expectedFailures = EXPECTED_FAILURES[testFile] ?? {};
    const designedToFail = Object.keys(expectedFailures).length > 0;
    it(`${testFile} on ${configFile}: ${designedToFail ? `exactly ${Object.keys(expectedFailures).join(', ')} fail` : 'every test passes'}`, () => {
      const rc = readRouteConfiguration(readFileSync(fixture(DIR, configFile), 'utf8'));
      if (!rc.ok) throw new Error(rc.error);
      const suite = parseRouterCheckTests(readFileSync(fixture(DIR, testFile), 'utf8'), testFile);
      if (!suite.ok) throw new Error(suite.error.message);
      const results = runRouterCheck(rc.routeConfig, suite.suite);
      expect(results.length).toBe(suite.suite.tests.length);
      const failed = Object.fromEntries(
        results.filter((r) => !r.passed).map((r) => [r.name, r.failures]),
      );
      expect(Object.keys(failed).sort()).toEqual(Object.keys(expectedFailures).sort());
      for (const [name, count] of Object.entries(expectedFailures)) {
        const lines = failed[name] ?? [];
        expect(lines, name).toHaveLength(count);
        // Failing because the route is wrong, not because a field is unsupported.
        for (const l of lines) expect(l).not.toMatch(/not supported/);
      }
      // Passing tests must have been checked on at least one assertion each.
      for (const t of suite.suite.tests)
        expect(Object.keys(t.validate).length, t.name).toBeGreaterThan(0);
    });
  }

  it('the CLI exits 0 on a passing suite and 1 on a failing one, printing the mismatches', () => {
    const out: string[] = [];
    const ok = runRouteCheck(
      { config: fixture(DIR, 'Weighted.yaml'), tests: fixture(DIR, 'Weighted.golden.proto.yaml') },
      (s) => out.push(s),
    );
    expect(ok).toBe(0);
    expect(out.join('\n')).toMatch(/4\/4 tests passed/);
    out.length = 0;
    const bad = runRouteCheck(
      {
        config: fixture(DIR, 'RouteMetadata.yaml'),
        tests: fixture(DIR, 'RouteMetadata.golden.proto.json'),
      },
      (s) => out.push(s),
    );
    expect(bad).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('PASS  MetadataMatches');
    expect(text).toContain('FAIL  MetadataValueMismatch');
    expect(text).toContain('expected: [stable], actual: [canary]');
    out.length = 0;
    runRouteCheck(
      {
        config: fixture(DIR, 'RouteMetadata.yaml'),
        tests: fixture(DIR, 'RouteMetadata.golden.proto.json'),
        onlyShowFailures: true,
        details: true,
      },
      (s) => out.push(s),
    );
    const failuresOnly = out.join('\n');
    expect(failuresOnly).not.toContain('MetadataMatches');
    expect(failuresOnly).toMatch(/route decision: virtual host "local_service" -> route #1/);
  });

  it('an unsupported validation field fails the test instead of passing it', () => {
    const rc = readRouteConfiguration(readFileSync(fixture(DIR, 'Weighted.yaml'), 'utf8'));
    if (!rc.ok) throw new Error(rc.error);
    const suite = parseRouterCheckTests(
      JSON.stringify({
        tests: [
          {
            test_name: 'future',
            input: { authority: 'www1.lyft.com', path: '/', method: 'GET' },
            validate: { cluster_name: 'cluster1', some_future_field: 'x' },
          },
        ],
      }),
      'x.json',
    );
    if (!suite.ok) throw new Error(suite.error.message);
    const [r] = runRouterCheck(rc.routeConfig, suite.suite);
    expect(r?.passed).toBe(false);
    expect(r?.failures.join('\n')).toMatch(/some_future_field.*not supported/);
  });
});
