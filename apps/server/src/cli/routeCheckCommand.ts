import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  formatRouterCheckReport,
  parseRouterCheckTests,
  readRouteConfiguration,
  runRouterCheck,
} from '@meshlens/tracer';

interface RouteCheckFlags {
  config: string;
  tests: string;
  details?: boolean;
  onlyShowFailures?: boolean;
}

function readText(path: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${path}${code ? ` (${code})` : ''}` };
  }
}

/** Runs the suite; returns the process exit code (0 all passed, 1 failures, 2 unusable input). */
export function runRouteCheck(
  flags: RouteCheckFlags,
  out: (s: string) => void = console.log,
): number {
  const configText = readText(flags.config);
  if (!configText.ok) return fail(configText.message);
  const rc = readRouteConfiguration(configText.text);
  if (!rc.ok) return fail(`${flags.config}: ${rc.error}`);
  const testText = readText(flags.tests);
  if (!testText.ok) return fail(testText.message);
  const suite = parseRouterCheckTests(testText.text, flags.tests);
  if (!suite.ok) return fail(suite.error.message);
  const results = runRouterCheck(rc.routeConfig, suite.suite);
  out(
    formatRouterCheckReport(results, {
      details: flags.details === true,
      onlyShowFailures: flags.onlyShowFailures === true,
    }),
  );
  return results.every((r) => r.passed) ? 0 : 1;
}

function fail(message: string): number {
  console.error(`meshlens route-check: ${message}`);
  return 2;
}

/** `meshlens route-check`: Envoy's router_check_tool test suites, run by the Meshlens tracer. */
export function registerRouteCheckCommand(program: Command): void {
  program
    .command('route-check')
    .description(
      'Run Envoy router_check_tool test files against a route configuration (exit 1 when a test fails).',
    )
    .requiredOption(
      '-c, --config <file>',
      'route configuration (Envoy RouteConfiguration, YAML or JSON)',
    )
    .requiredOption(
      '-t, --tests <file>',
      'test file (router_check_tool JSON or YAML; trailing commas accepted)',
    )
    .option('-d, --details', 'print every test, and the route decision of failing ones')
    .option('--only-show-failures', 'with --details, print only failing tests')
    .action((flags: RouteCheckFlags) => {
      process.exitCode = runRouteCheck(flags);
    });
}
