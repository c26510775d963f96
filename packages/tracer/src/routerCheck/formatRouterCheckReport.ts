import type { RouterCheckResult } from './runRouterCheck';

/** Output options mirroring router_check_tool's flags. */
export interface ReportOptions {
  /** `--details`: print every test (and, for failures, the route decision). */
  details?: boolean;
  /** `--only-show-failures`: with `--details`, print failing tests only. */
  onlyShowFailures?: boolean;
}

/**
 * Text report: failing tests always appear with their mismatches; passing tests only with
 * `--details` (and not with `--only-show-failures`). Ends with a one-line summary.
 */
export function formatRouterCheckReport(
  results: RouterCheckResult[],
  opts: ReportOptions = {},
): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.passed) {
      if (opts.details && !opts.onlyShowFailures) lines.push(`PASS  ${r.name}`);
      continue;
    }
    lines.push(`FAIL  ${r.name}`);
    for (const f of r.failures) lines.push(`      ${f}`);
    if (opts.details) lines.push(`      (route decision: ${r.trace.summary})`);
  }
  const failed = results.filter((r) => !r.passed).length;
  lines.push(
    `${results.length - failed}/${results.length} tests passed${failed > 0 ? `, ${failed} failed` : ''}.`,
  );
  return lines.join('\n');
}
