// Kiali's responseTime, securityPolicy and throughput appenders: extra per-namespace queries whose values are
// attached to the edges already in the map (they never add nodes or edges).
import { wantsAppender, type KialiGraphOptions } from './graphOptions';
import { kialiNodeId } from './kialiNodeId';
import { IDENTITY_LABELS, finishQuery, reporterMatcher, trafficMetrics } from './promQueries';
import type { PromQueryFn, PromSample } from './promVector';
import { readSeriesEnds, type SeriesEnds } from './readSeriesEnds';
import { PASSTHROUGH_CLUSTER, isOK, type TrafficMap } from './trafficMap';

interface AppenderSettings {
  query: PromQueryFn;
  queryScope?: Readonly<Record<string, string>>;
}

/** The traffic-map edges (by `sourceId destId`) a series is drawn on, honouring service injection. */
function edgeKeysOf(ends: SeriesEnds, options: KialiGraphOptions): string[] {
  const src = kialiNodeId(ends.source, options.graphType);
  const dst = kialiNodeId(ends.dest, options.graphType);
  if (!src || !dst) return [];
  const svcName = ends.dest.service;
  if (
    options.injectServiceNodes &&
    isOK(svcName) &&
    svcName !== PASSTHROUGH_CLUSTER &&
    dst.nodeType !== 'service'
  ) {
    const svc = kialiNodeId(
      {
        cluster: ends.dest.cluster,
        serviceNamespace: ends.dest.serviceNamespace,
        service: svcName,
        workloadNamespace: '',
        workload: '',
        app: '',
        version: '',
      },
      options.graphType,
    );
    if (svc) return [`${src.id} ${svc.id}`, `${svc.id} ${dst.id}`];
  }
  return [`${src.id} ${dst.id}`];
}

async function run(
  queries: string[],
  settings: AppenderSettings,
  time: number,
  sent: string[],
): Promise<PromSample[] | string> {
  const out: PromSample[] = [];
  for (const q of queries) {
    sent.push(q);
    const r = await settings.query(q, time);
    if (!r.ok) return r.error;
    out.push(...r.vector);
  }
  return out;
}

async function appendResponseTime(
  map: TrafficMap,
  options: KialiGraphOptions,
  ns: string,
  settings: AppenderSettings,
  sent: string[],
): Promise<string | undefined> {
  if (options.rates.http !== 'requests' && options.rates.grpc !== 'requests') return undefined;
  const amb = options.ambientTraffic;
  const scope = settings.queryScope ?? {};
  const d = `${options.duration}s`;
  const selectors = [
    `${reporterMatcher('destination', amb)},destination_service_namespace="${ns}"`,
    `${reporterMatcher('source', amb)},source_workload_namespace="${ns}"`,
  ];
  const groupBy = `${IDENTITY_LABELS},request_protocol`;
  const queries = selectors.map((sel) => {
    if (options.responseTime === 'avg') {
      const m = 'istio_request_duration_milliseconds';
      return finishQuery(
        `sum(rate(${m}_sum{${sel}}[${d}])) by (${groupBy}) / sum(rate(${m}_count{${sel}}[${d}])) by (${groupBy}) > 0`,
        scope,
      );
    }
    const q = (Number(options.responseTime) / 100).toFixed(2);
    return finishQuery(
      `histogram_quantile(${q}, sum(rate(istio_request_duration_milliseconds_bucket{${sel}}[${d}])) by (le,${groupBy})) > 0`,
      scope,
    );
  });
  const samples = await run(queries, settings, options.queryTime, sent);
  if (typeof samples === 'string') return samples;
  const times = new Map<string, number>();
  for (const s of samples) {
    if (!Number.isFinite(s.value)) continue;
    const ends = readSeriesEnds(s.metric);
    const protocol = s.metric.request_protocol;
    if (!ends || !protocol) continue;
    const keys = edgeKeysOf(ends, options);
    // Quantiles cannot be combined: only the edge into the workload carries the time (KIALI-2297).
    const key = keys[keys.length - 1];
    // The destination-reported query runs first: the server-side latency wins.
    if (key && !times.has(`${key} ${protocol}`)) times.set(`${key} ${protocol}`, s.value);
  }
  for (const node of map.values()) {
    for (const e of node.edges) {
      const t = times.get(`${node.id} ${e.dest.id} ${e.protocol}`);
      if (t !== undefined) e.responseTime = t;
    }
  }
  return undefined;
}

async function appendSecurityPolicy(
  map: TrafficMap,
  options: KialiGraphOptions,
  ns: string,
  settings: AppenderSettings,
  sent: string[],
): Promise<string | undefined> {
  const metrics = trafficMetrics(options);
  if (metrics.length === 0) return undefined;
  const scope = settings.queryScope ?? {};
  const groupBy = `${IDENTITY_LABELS.replace(',destination_service,', ',')},source_principal,destination_principal,connection_security_policy`;
  const selectors = [
    `reporter="destination",source_workload_namespace!="${ns}",destination_service_namespace="${ns}"`,
    `reporter="destination",source_workload_namespace="${ns}"`,
  ];
  const queries = selectors.map((sel) =>
    finishQuery(
      metrics
        .map(
          ({ metric }) => `sum(rate(${metric}{${sel}}[${options.duration}s])) by (${groupBy}) > 0`,
        )
        .join(' OR '),
      scope,
    ),
  );
  const samples = await run(queries, settings, options.queryTime, sent);
  if (typeof samples === 'string') return samples;
  const byEdge = new Map<
    string,
    { mtls: number; other: number; sourcePrincipal: string; destPrincipal: string }
  >();
  for (const s of samples) {
    if (!(s.value > 0)) continue;
    const ends = readSeriesEnds({
      ...s.metric,
      destination_service: s.metric.destination_service ?? '',
    });
    if (!ends) continue;
    for (const key of edgeKeysOf(ends, options)) {
      let acc = byEdge.get(key);
      if (!acc) {
        acc = {
          mtls: 0,
          other: 0,
          sourcePrincipal: s.metric.source_principal ?? '',
          destPrincipal: s.metric.destination_principal ?? '',
        };
        byEdge.set(key, acc);
      }
      if (s.metric.connection_security_policy === 'mutual_tls') acc.mtls += s.value;
      else acc.other += s.value;
    }
  }
  for (const node of map.values()) {
    for (const e of node.edges) {
      const acc = byEdge.get(`${node.id} ${e.dest.id}`);
      if (!acc) continue;
      if (acc.mtls > 0) e.isMTLS = (acc.mtls / (acc.mtls + acc.other)) * 100;
      if (isOK(acc.sourcePrincipal)) e.sourcePrincipal = acc.sourcePrincipal;
      if (isOK(acc.destPrincipal)) e.destPrincipal = acc.destPrincipal;
    }
  }
  return undefined;
}

async function appendThroughput(
  map: TrafficMap,
  options: KialiGraphOptions,
  ns: string,
  settings: AppenderSettings,
  sent: string[],
): Promise<string | undefined> {
  if (options.rates.http !== 'requests') return undefined;
  const response = options.throughputType === 'response';
  const metric = response ? 'istio_response_bytes_sum' : 'istio_request_bytes_sum';
  const reporter = response ? 'destination' : 'source';
  const scope = settings.queryScope ?? {};
  const queries = [
    `reporter="${reporter}",source_workload_namespace!="${ns}",destination_service_namespace="${ns}"`,
    `reporter="${reporter}",source_workload_namespace="${ns}"`,
  ].map((sel) =>
    finishQuery(
      `sum(rate(${metric}{${sel}}[${options.duration}s])) by (${IDENTITY_LABELS}) > 0`,
      scope,
    ),
  );
  const samples = await run(queries, settings, options.queryTime, sent);
  if (typeof samples === 'string') return samples;
  const bytes = new Map<string, number>();
  for (const s of samples) {
    const ends = readSeriesEnds(s.metric);
    if (!ends || !(s.value > 0)) continue;
    for (const key of edgeKeysOf(ends, options)) bytes.set(key, (bytes.get(key) ?? 0) + s.value);
  }
  for (const node of map.values()) {
    for (const e of node.edges) {
      const b = e.protocol === 'http' ? bytes.get(`${node.id} ${e.dest.id}`) : undefined;
      if (b !== undefined) e.throughput = b;
    }
  }
  return undefined;
}

/** Runs the requested edge appenders on one namespace's map; returns a Prometheus error, if any. */
export async function runEdgeAppenders(
  map: TrafficMap,
  options: KialiGraphOptions,
  namespace: string,
  settings: AppenderSettings,
  sent: string[],
): Promise<string | undefined> {
  if (map.size === 0) return undefined;
  if (wantsAppender(options, 'responseTime')) {
    const error = await appendResponseTime(map, options, namespace, settings, sent);
    if (error) return error;
  }
  if (wantsAppender(options, 'securityPolicy')) {
    const error = await appendSecurityPolicy(map, options, namespace, settings, sent);
    if (error) return error;
  }
  if (wantsAppender(options, 'throughput')) {
    const error = await appendThroughput(map, options, namespace, settings, sent);
    if (error) return error;
  }
  return undefined;
}
