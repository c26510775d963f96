import type { RouterCheckResult } from './runRouterCheck';

/** Output options mirroring router_check_tool's flags. */
export interface ReportOptions {
  /** `--details`: also print, for each printed test, the route decision behind it. */
  details?: boolean;
  /** `--only-show-failures`: print failing tests only. */
  onlyShowFailures?: boolean;
}

function decision(r: RouterCheckResult): string {
  const t = r.trace;
  const parts = [t.virtualHost ? `virtual host "${t.virtualHost.name}"` : 'no virtual host'];
  if (t.route) parts.push(`route #${t.route.index}${t.route.name ? ` "${t.route.name}"` : ''}`);
  parts.push(t.summary);
  return parts.join(' -> ');
}

/**
 * Text report: one `PASS`/`FAIL` line per test (failing ones followed by their mismatches),
 * then a one-line summary.
 */
export function formatRouterCheckReport(
  results: RouterCheckResult[],
  opts: ReportOptions = {},
): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.passed && opts.onlyShowFailures) continue;
    lines.push(`${r.passed ? 'PASS' : 'FAIL'}  ${r.name}`);
    for (const f of r.failures) lines.push(`      ${f}`);
    if (opts.details) lines.push(`      route decision: ${decision(r)}`);
  }
  const failed = results.filter((r) => !r.passed).length;
  lines.push(
    `${results.length - failed}/${results.length} tests passed${failed > 0 ? `, ${failed} failed` : ''}.`,
  );
  return lines.join('\n');
}
