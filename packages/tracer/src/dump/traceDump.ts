import type { ConfigDump, FilterChain, NetworkFilter } from '@meshlens/configdump';
import { pickWeightedCluster } from '../pickWeightedCluster';
import { rawField, rawObj } from '../rawFields';
import type { RouteTraceOptions } from '../routeRequest';
import { traceRoute } from '../traceRoute';
import type { ConnectionInput } from './connection';
import type { DumpTrace, DumpTraceInput, DumpTraceStep } from './dumpTraceTypes';
import { dumpTraceIndex } from './dumpTraceIndex';
import { effectiveConnection } from './effectiveConnection';
import { evaluateFilterChainMatcher } from './evaluateFilterChainMatcher';
import { resolveCluster, type ClusterResolution } from './resolveCluster';
import { resolveServiceIp } from './resolveServiceIp';
import { selectFilterChain } from './selectFilterChain';
import { selectListener } from './selectListener';
import { describeHttpFilters } from './describeHttpFilters';
import { prepareHcmRequest } from './prepareHcmRequest';

const HCM = 'http_connection_manager';

function finish(t: Omit<DumpTrace, 'summary'>, summary: string): DumpTrace {
  return { ...t, summary };
}

/**
 * Traces a connection (and an HTTP request) through one proxy's config dump: listener (with the
 * original-destination hand-off), filter chain, network filter, route configuration, route,
 * cluster and endpoints - each step explained, with the alternatives that lost.
 */
export function traceDump(dump: ConfigDump, input: DumpTraceInput): DumpTrace {
  const steps: DumpTraceStep[] = [];
  const assumptions: string[] = [];
  let conn: ConnectionInput = input.connection;
  const req = input.request;
  if (conn.dstIp === undefined && req) {
    const vip = resolveServiceIp(dump, req.authority, conn.dstPort);
    if (vip) {
      conn = { ...conn, dstIp: vip.ip };
      assumptions.push(
        `Destination IP ${vip.ip}: the service VIP listed in the domains of virtual host "${vip.virtualHost}" (route configuration "${vip.routeConfig}"), which is what DNS returns for "${req.authority}". Use --ip to override.`,
      );
    } else {
      assumptions.push(
        `The destination IP of "${req.authority}" is unknown: assuming the wildcard (0.0.0.0_${conn.dstPort}) listener. Use --ip to trace a specific address.`,
      );
    }
  }
  const t: Omit<DumpTrace, 'summary'> = { outcome: 'refused', steps, clusters: [], assumptions };
  if (!dump.sections.includes('listeners')) {
    steps.push({
      kind: 'listener',
      title: 'no listeners in the dump',
      explanation: ['The dump has no listeners section, so the connection cannot be traced.'],
    });
    return finish({ ...t, outcome: 'unsupported' }, 'The dump has no listeners.');
  }
  const ls = selectListener(dump, conn);
  const listener = ls.listener;
  const via = ls.handedOff && ls.entry ? ` (via "${ls.entry.name}")` : '';
  steps.push({
    kind: 'listener',
    title: listener ? `listener "${listener.name}"${via}` : 'no listener',
    explanation: ls.explanation,
    ...(listener ? { ref: { kind: 'listener' as const, name: listener.name } } : {}),
  });
  if (!listener)
    return finish(
      t,
      `No listener accepts ${conn.dstIp ?? '*'}:${conn.dstPort}: connection refused.`,
    );
  t.listener = listener;
  const warn = (dumpTraceIndex(dump).listenersByName.get(listener.name) ?? []).filter(
    (l) => l !== listener && l.state !== 'active',
  );
  for (const w of warn)
    assumptions.push(
      `Listener "${w.name}" also has a ${w.state} version, which does not take traffic.`,
    );

  const ec = effectiveConnection(listener, conn, conn.dstIp);
  const sel =
    listener.filterChainMatcher !== undefined
      ? evaluateFilterChainMatcher(listener, ec)
      : selectFilterChain(listener, ec);
  const chain = sel.chain;
  steps.push({
    kind: 'filter_chain',
    title: chain
      ? `filter chain "${chain.name}"${sel.via === 'default' ? ' (default)' : ''}`
      : 'no filter chain',
    explanation: [...ec.notes, ...sel.explanation],
    ...(chain && chain.index >= 0
      ? { ref: { kind: 'filter_chain' as const, listener: listener.name, index: chain.index } }
      : {}),
  });
  if (!chain)
    return finish(
      { ...t, outcome: 'closed_no_filter_chain' },
      `Listener "${listener.name}" has no filter chain for this connection: closed (NR).`,
    );
  t.filterChain = chain;
  return followNetworkFilters(dump, t, chain, conn, input);
}

function followNetworkFilters(
  dump: ConfigDump,
  t: Omit<DumpTrace, 'summary'>,
  chain: FilterChain,
  conn: ConnectionInput,
  input: DumpTraceInput,
): DumpTrace {
  const terminal = chain.filters[chain.filters.length - 1];
  const before = chain.filters.slice(0, -1).map((f) => f.name);
  const explanation =
    before.length > 0
      ? [
          `Filters ${before.join(', ')} run first (they may observe, count or deny; they do not pick the destination).`,
        ]
      : [];
  if (!terminal) {
    t.steps.push({
      kind: 'network_filters',
      title: 'no network filters',
      explanation: ['The chain has no filters: the connection is closed.'],
    });
    return finish({ ...t, outcome: 'unsupported' }, 'The filter chain has no filters.');
  }
  explanation.push(`The terminal filter is ${terminal.name}.`);
  t.steps.push({
    kind: 'network_filters',
    title:
      terminal.kind === HCM
        ? 'HTTP connection manager'
        : terminal.kind === 'tcp_proxy'
          ? 'TCP proxy'
          : terminal.name,
    explanation,
  });
  const originalDst = conn.dstIp !== undefined ? `${conn.dstIp}:${conn.dstPort}` : undefined;
  if (terminal.kind === 'tcp_proxy') return tcpProxy(dump, t, terminal, input, originalDst);
  if (terminal.kind !== HCM)
    return finish(
      { ...t, outcome: 'unsupported' },
      `Terminal filter ${terminal.name} is not followed by the tracer.`,
    );
  const req = input.request;
  if (!req)
    return finish(
      { ...t, outcome: 'unsupported' },
      'This chain is HTTP, but no HTTP request was given.',
    );
  const src = terminal.routeSource;
  let rc = src.kind === 'inline' ? src.routeConfig : undefined;
  if (src.kind === 'rds') {
    rc = dump.index.routeConfigByName.get(src.routeConfigName);
    if (!rc) {
      const why = dump.sections.includes('routes')
        ? `Route configuration "${src.routeConfigName}" (RDS) is not in the dump: Envoy has not received it, every request gets 404 (NR).`
        : `The dump has no routes section; route configuration "${src.routeConfigName}" cannot be followed.`;
      t.steps.push({
        kind: 'route_config',
        title: `RDS "${src.routeConfigName}" missing`,
        explanation: [why],
      });
      return finish(
        { ...t, outcome: dump.sections.includes('routes') ? 'http_no_route' : 'unsupported' },
        why,
      );
    }
  }
  if (!rc)
    return finish(
      { ...t, outcome: 'unsupported' },
      `The HTTP connection manager uses ${src.kind} routes, which the tracer does not follow.`,
    );
  t.routeConfig = rc;
  t.steps.push({
    kind: 'route_config',
    title: `route configuration "${rc.name}"`,
    explanation: [
      src.kind === 'rds'
        ? `RDS route configuration "${rc.name}" with ${rc.virtualHosts.length} virtual hosts.`
        : `Inline route configuration "${rc.name}".`,
    ],
    ref: { kind: 'route_config', name: rc.name },
  });
  const filters = describeHttpFilters(terminal);
  if (filters.length > 0)
    t.steps.push({ kind: 'http_filters', title: 'HTTP filters', explanation: filters });
  const prepared = prepareHcmRequest(terminal.raw, req, conn.dstPort);
  if (prepared.notes.length > 0)
    t.steps.push({
      kind: 'http_filters',
      title: 'request normalisation',
      explanation: prepared.notes,
    });
  const options: RouteTraceOptions = { ...input.options };
  if (options.downstreamRemoteIp === undefined && conn.srcIp !== undefined)
    options.downstreamRemoteIp = conn.srcIp;
  if (options.downstreamLocalAddress === undefined && conn.dstIp !== undefined)
    options.downstreamLocalAddress = `${conn.dstIp}:${conn.dstPort}`;
  const rt = traceRoute(rc, prepared.request, options);
  t.routeTrace = rt;
  t.steps.push(...rt.steps);
  t.assumptions.push(...rt.assumptions);
  if (rawField(rt.route?.raw, 'typed_per_filter_config') !== undefined) {
    const per = rawObj(rt.route?.raw, 'typed_per_filter_config') ?? {};
    const names = Object.keys(per);
    if (names.length > 0)
      t.assumptions.push(
        `The route carries per-filter config for ${names.join(', ')}: those filters may act on this request (fault injection, for one, can abort or delay it).`,
      );
  }
  switch (rt.outcome) {
    case 'no_route':
      return finish({ ...t, outcome: 'http_no_route' }, rt.summary);
    case 'redirect':
      return finish({ ...t, outcome: 'http_redirect' }, rt.summary);
    case 'direct_response':
      return finish({ ...t, outcome: 'http_direct_response' }, rt.summary);
    case 'unsupported':
      return finish({ ...t, outcome: 'unsupported' }, rt.summary);
    case 'forward':
      break;
  }
  if (rt.cluster === undefined && rt.weighted) {
    t.clusters = rt.weighted.branches
      .filter((b) => b.weight > 0)
      .map((b) => resolveCluster(dump, b.name, originalDst));
    for (const c of t.clusters) t.steps.push(clusterStep(c));
    return finish(
      { ...t, outcome: 'conditional' },
      `${rt.summary} Pass a random value to pick one.`,
    );
  }
  const c = resolveCluster(dump, rt.cluster ?? '', originalDst);
  t.clusters = [c];
  t.steps.push(clusterStep(c));
  if (c.status === 'missing' && dump.sections.includes('clusters'))
    return finish(
      { ...t, outcome: 'http_cluster_not_found' },
      `Route to cluster "${c.name}", which does not exist: 503 (NC).`,
    );
  return finish(
    { ...t, outcome: 'http_route' },
    `${req.method} ${req.authority}${req.path} -> cluster "${c.name}"${c.status === 'ok' || c.status === 'no_healthy' ? ` (${c.healthy}/${c.total} endpoints serving)` : c.status === 'original_dst' ? ' (original destination)' : c.status === 'blackhole' ? ': 503 (UH)' : ''}.`,
  );
}

function clusterStep(c: ClusterResolution): DumpTraceStep {
  return {
    kind: 'cluster',
    title: `cluster "${c.name}" (${c.status})`,
    explanation: c.explanation,
    ref: { kind: 'cluster', name: c.name },
  };
}

function tcpProxy(
  dump: ConfigDump,
  t: Omit<DumpTrace, 'summary'>,
  f: Extract<NetworkFilter, { kind: 'tcp_proxy' }>,
  input: DumpTraceInput,
  originalDst: string | undefined,
): DumpTrace {
  let name = f.cluster;
  if (f.weightedClusters.length > 0) {
    const pick = pickWeightedCluster(f.weightedClusters, input.request?.randomValue);
    if (!pick.chosen) {
      t.clusters = pick.branches.map((b) => resolveCluster(dump, b.name, originalDst));
      for (const c of t.clusters) t.steps.push(clusterStep(c));
      return finish(
        { ...t, outcome: 'conditional' },
        `TCP proxy splits over ${pick.branches.map((b) => `${b.name} ${b.percent.toFixed(1)}%`).join(', ')}.`,
      );
    }
    name = pick.chosen.name;
  }
  const c = resolveCluster(dump, name ?? '', originalDst);
  t.clusters = [c];
  t.steps.push(clusterStep(c));
  if (c.status === 'blackhole')
    return finish(
      { ...t, outcome: 'tcp_blackhole' },
      'TCP proxy to BlackHoleCluster: the connection is closed.',
    );
  return finish(
    { ...t, outcome: 'tcp_forward' },
    `TCP proxy to cluster "${c.name}"${c.status === 'original_dst' ? ` (original destination ${originalDst ?? 'of the connection'})` : ''}.`,
  );
}
