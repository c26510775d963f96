import { countResources, type ConfigDump } from '@meshlens/configdump';
import type { MeshProxyDumpSummary } from '@meshlens/contract';
import { diagnose } from '@meshlens/diagnostics';

/** How the dump was obtained, measured by the caller. */
export interface FetchFacts {
  /** Bytes of the dump as received. */
  dumpBytes: number;
  /** Fetch + parse time, ms. */
  fetchMs: number;
}

/**
 * The compact per-proxy summary a mesh-wide scan keeps: resource counts, `diagnose()` error and
 * warning counts (with the first finding as text) and versions. Holds no reference into the dump,
 * so the dump can be collected as soon as this returns.
 */
export function summarizeProxyDump(
  dump: ConfigDump,
  facts: FetchFacts,
  now: Date = new Date(),
): MeshProxyDumpSummary {
  const counts = countResources(dump);
  const findings = diagnose(dump, { now });
  let errors = 0;
  let warnings = 0;
  for (const d of findings) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  const summary: MeshProxyDumpSummary = {
    listeners: counts.listeners,
    routes: counts.routeConfigs,
    clusters: counts.clusters,
    endpoints: counts.endpoints,
    secrets: counts.secrets,
    dumpBytes: facts.dumpBytes,
    fetchMs: Math.round(facts.fetchMs),
    errors,
    warnings,
  };
  // diagnose() sorts errors first, then warnings.
  const first = findings[0];
  if (first && first.severity !== 'info') {
    // The message names its object already (`cluster X: none of its endpoints...`).
    summary.firstFinding = ownCopy(first.message.slice(0, 300));
  }
  if (dump.node?.istioVersion) summary.istioVersion = ownCopy(dump.node.istioVersion);
  if (dump.node?.envoyVersion) summary.envoyVersion = ownCopy(dump.node.envoyVersion);
  return summary;
}

/**
 * A fresh copy of a string: a V8 sliced or concatenated string can point into the dump's text or
 * parsed tree, and a summary kept for the whole scan must not keep either alive.
 */
function ownCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
