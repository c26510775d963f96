import type { Diagnostic, DiagnosticCode } from '@meshlens/diagnostics';
import { nodeIdFor } from '@meshlens/proxy-graph';
import type { DumpWarning, Severity } from './collectWarnings';

const categoryOf: Record<DiagnosticCode, DumpWarning['category']> = {
  dangling_reference: 'dangling',
  resource_not_active: 'resource_state',
  no_endpoints: 'unhealthy_endpoints',
  no_healthy_endpoints: 'unhealthy_endpoints',
  certificate_expired: 'certificate',
  certificate_expiring: 'certificate',
  shadowed_route: 'shadowed_route',
  duplicate_domain: 'duplicate_domain',
  blackhole_traffic: 'blackhole',
};

// Same topic + same object = the same finding, whichever check produced it.
const topicOf: Record<DiagnosticCode, string> = {
  dangling_reference: 'dangling',
  resource_not_active: 'state',
  no_endpoints: 'endpoints',
  no_healthy_endpoints: 'endpoints',
  certificate_expired: 'cert-expired',
  certificate_expiring: 'cert-expiring',
  shadowed_route: 'shadowed_route',
  duplicate_domain: 'duplicate_domain',
  blackhole_traffic: 'blackhole',
};

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function keyOf(w: DumpWarning): string {
  return `${w.topic}\n${w.nodeId ?? w.message}`;
}

/** `cluster x has no endpoints: ...` -> `Cluster x has no endpoints: ....`, like the other lines. */
function sentence(message: string): string {
  const first = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** A diagnostic as a warnings-list line, linked to its graph node when it has one. */
export function diagnosticWarning(d: Diagnostic): DumpWarning {
  const w: DumpWarning = {
    severity: d.severity,
    category: categoryOf[d.code],
    topic: topicOf[d.code],
    message: sentence(d.message),
  };
  // A nameless listener has no node under its (empty) name; the message still says which.
  const named = d.ref.kind !== 'listener' || d.ref.name !== '';
  if (named) w.nodeId = nodeIdFor(d.ref);
  return w;
}

/**
 * One list from the overview's own findings and `diagnose()`: a finding both report about the
 * same object (a dangling cluster, a warming listener, an expired certificate) is shown once, in
 * the diagnostics' words (the ones `meshlens check` prints). Most severe first; within a severity
 * the diagnostics come first, each source in its own order.
 */
export function mergeDiagnostics(
  warnings: DumpWarning[],
  diagnostics: Diagnostic[],
): DumpWarning[] {
  const fromDiagnostics = diagnostics.map(diagnosticWarning);
  const covered = new Set(fromDiagnostics.map(keyOf));
  const rest = warnings.filter((w) => !covered.has(keyOf(w)));
  return [...fromDiagnostics, ...rest].sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity],
  );
}
