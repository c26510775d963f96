import type { DumpTrace, DumpTraceOutcome, DumpTraceStep } from './dumpTraceTypes';
import { formatAddress } from './resolveCluster';

/** A JSON-friendly view of a trace: names instead of model objects (no raw config). */
export interface DumpTraceJson {
  outcome: DumpTraceOutcome;
  summary: string;
  listener?: string;
  filterChain?: string;
  routeConfig?: string;
  virtualHost?: string;
  route?: { index: number; name?: string };
  rejectedRoutes: { index: number; name?: string; reason: string }[];
  weighted?: { name: string; weight: number; percent: number; chosen: boolean }[];
  redirect?: { location: string; status: number };
  directResponse?: { status: number; body: string };
  requestHeaders?: [string, string][];
  clusters: {
    name: string;
    status: string;
    type?: string;
    healthy: number;
    total: number;
    endpoints: { address: string; health: string; zone?: string }[];
  }[];
  steps: DumpTraceStep[];
  assumptions: string[];
}

/** Converts a trace for `--json` and the HTTP API. */
export function dumpTraceJson(t: DumpTrace): DumpTraceJson {
  const rt = t.routeTrace;
  const out: DumpTraceJson = {
    outcome: t.outcome,
    summary: t.summary,
    rejectedRoutes:
      rt?.rejected.map((r) => ({
        index: r.index,
        ...(r.name !== undefined ? { name: r.name } : {}),
        reason: r.reason,
      })) ?? [],
    clusters: t.clusters.map((c) => ({
      name: c.name,
      status: c.status,
      ...(c.cluster ? { type: c.cluster.type } : {}),
      healthy: c.healthy,
      total: c.total,
      endpoints: (c.endpoints?.endpoints ?? []).map((e) => ({
        address: formatAddress(e.address),
        health: e.healthStatus,
        ...(e.locality?.zone ? { zone: e.locality.zone } : {}),
      })),
    })),
    steps: t.steps,
    assumptions: t.assumptions,
  };
  if (t.listener) out.listener = t.listener.name;
  if (t.filterChain) out.filterChain = t.filterChain.name;
  if (t.routeConfig) out.routeConfig = t.routeConfig.name;
  if (rt?.virtualHost) out.virtualHost = rt.virtualHost.name;
  if (rt?.route)
    out.route = {
      index: rt.route.index,
      ...(rt.route.name !== undefined ? { name: rt.route.name } : {}),
    };
  if (rt?.weighted)
    out.weighted = rt.weighted.branches.map((b) => ({
      name: b.name,
      weight: b.weight,
      percent: b.percent,
      chosen: rt.weighted?.chosen === b,
    }));
  if (rt?.redirect) out.redirect = { location: rt.redirect.location, status: rt.redirect.status };
  if (rt?.directResponse)
    out.directResponse = { status: rt.directResponse.status, body: rt.directResponse.body };
  if (rt && rt.outcome === 'forward') out.requestHeaders = rt.requestHeaders;
  return out;
}
