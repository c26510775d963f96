import type { ForwardOptions, JsonObject, VirtualHost } from '@meshlens/configdump';
import { applyLevels, base, formatter, mutationLevels, type ActionContext } from './actionContext';
import { describeWeightedPick } from './describeWeightedPick';
import { headerFirst, headerValues, setHeader, type HeaderList } from './headerList';
import { parseDuration } from './parseDuration';
import { pickWeightedCluster } from './pickWeightedCluster';
import { rawBool, rawField, rawObj, rawStr } from './rawFields';
import { re2ReplaceAll } from './re2';
import { rewritePath } from './rewritePath';
import type { RouteTrace } from './routeTraceTypes';
import { selectVirtualCluster } from './selectVirtualCluster';

/**
 * A forwarding route: the cluster (plain, from a header, or a weighted branch), then Envoy's request
 * finalisation (header mutations, host rewrite, path rewrite), response mutations, virtual cluster,
 * timeout and retries.
 */
export function traceForward(ctx: ActionContext, opts: ForwardOptions): RouteTrace {
  const { route, headers } = ctx;
  const a = route.action;
  const out = base(ctx);
  const explanation: string[] = [];
  let cluster = '';
  let clusterRaw: JsonObject | undefined;
  let weighted: RouteTrace['weighted'];
  const routeRaw = rawObj(route.raw, 'route');
  if (a.kind === 'cluster') {
    cluster = a.cluster;
    explanation.push(`The route forwards to cluster "${cluster}".`);
  } else if (a.kind === 'cluster_header') {
    cluster = headerFirst(headers, a.header) ?? '';
    explanation.push(
      cluster === ''
        ? `cluster_header "${a.header}" is absent: no cluster name, Envoy answers with cluster_not_found_response_code (503 by default, NC).`
        : `cluster_header "${a.header}" names cluster "${cluster}".`,
    );
  } else if (a.kind === 'weighted_clusters') {
    const wcRaw = rawObj(routeRaw, 'weighted_clusters');
    let value = ctx.randomValue;
    let source = 'the random value';
    const headerName = rawStr(wcRaw, 'header_name');
    const hv = headerName === undefined ? [] : headerValues(headers, headerName);
    if (headerName !== undefined && hv.length === 1 && /^\d+$/.test(hv[0] ?? '')) {
      value = Number(hv[0]);
      source = `header "${headerName}"`;
    } else if (rawBool(wcRaw, 'use_hash_policy')) {
      out.assumptions.push(
        'use_hash_policy: the request hash is unknown; the random value is used instead.',
      );
    }
    const prefix = a.runtimeKeyPrefix;
    const override =
      prefix !== undefined && ctx.options.mode !== 'router_check'
        ? (name: string) => ctx.req.runtime?.[`${prefix}.${name}`]
        : undefined;
    weighted = pickWeightedCluster(a.clusters, value, override);
    explanation.push(...describeWeightedPick(weighted, value, source));
    if (weighted.chosen) {
      const idx = weighted.branches.indexOf(weighted.chosen);
      const wc = a.clusters[idx];
      clusterRaw =
        wc && typeof wc.raw === 'object' && wc.raw !== null && !Array.isArray(wc.raw)
          ? wc.raw
          : undefined;
      cluster =
        wc?.clusterHeader !== undefined
          ? (headerFirst(headers, wc.clusterHeader) ?? '')
          : weighted.chosen.name;
    }
  }
  ctx.steps.push({
    kind: 'action',
    title: cluster !== '' ? `cluster "${cluster}"` : weighted ? 'weighted split' : 'no cluster',
    explanation,
  });

  // Request finalisation, in Envoy's order: header mutations, host rewrite, path rewrite.
  const vcluster = selectVirtualCluster(ctx.vh.raw, headers);
  const fmt = formatter(ctx, headers);
  const requestNotes: string[] = [];
  let h = applyLevels(headers, mutationLevels(ctx, 'request', clusterRaw), fmt, requestNotes);
  const rewrites: string[] = [];
  const clusterHost = rawStr(clusterRaw, 'host_rewrite_literal');
  const hostHeader = rawStr(routeRaw, 'host_rewrite_header');
  const hostRegex = rawObj(routeRaw, 'host_rewrite_path_regex');
  if (clusterHost !== undefined || opts.hostRewriteLiteral !== undefined) {
    const host = clusterHost ?? opts.hostRewriteLiteral ?? '';
    h = setHeader(h, ':authority', host);
    rewrites.push(`host_rewrite_literal sets the host to "${host}".`);
  } else if (opts.autoHostRewrite) {
    rewrites.push(
      'auto_host_rewrite: the host becomes the chosen upstream host name (known only at request time for DNS clusters).',
    );
  } else if (hostHeader !== undefined) {
    const v = headerFirst(headers, hostHeader);
    if (v !== undefined) h = setHeader(h, ':authority', v);
    rewrites.push(
      `host_rewrite_header "${hostHeader}" ${v === undefined ? 'is absent: host unchanged' : `sets the host to "${v}"`}.`,
    );
  } else if (hostRegex) {
    const regex = rawStr(rawObj(hostRegex, 'pattern'), 'regex') ?? '';
    const r = re2ReplaceAll(
      regex,
      (headerFirst(h, ':path') ?? '').split('?')[0] ?? '',
      rawStr(hostRegex, 'substitution') ?? '',
    );
    if (r.ok) h = setHeader(h, ':authority', r.value);
    rewrites.push(
      `host_rewrite_path_regex sets the host to "${r.ok ? r.value : '(invalid regex)'}".`,
    );
  }
  const rw = rewritePath(
    headerFirst(h, ':path') ?? '/',
    ctx.matchedPath,
    opts.prefixRewrite,
    opts.regexRewrite,
  );
  if (rw.explanation) {
    h = setHeader(h, ':path', rw.path);
    rewrites.push(rw.explanation);
  }
  if (rawField(routeRaw, 'path_rewrite_policy') !== undefined)
    out.assumptions.push(
      'path_rewrite_policy (uri template rewrite) is not applied by the tracer.',
    );
  if (rewrites.length > 0 || requestNotes.length > 0)
    ctx.steps.push({
      kind: 'rewrite',
      title: 'request rewrites',
      explanation: [...rewrites, ...requestNotes],
    });
  const responseNotes: string[] = [];
  const initialResponse: HeaderList = [
    [':status', '200'],
    ...(ctx.options.upstreamResponseHeaders ?? []),
  ];
  const responseHeaders = applyLevels(
    initialResponse,
    mutationLevels(ctx, 'response', clusterRaw),
    fmt,
    responseNotes,
  );
  if (responseNotes.length > 0)
    ctx.steps.push({
      kind: 'headers',
      title: 'response header mutations',
      explanation: responseNotes,
    });
  if (vcluster)
    ctx.steps.push({
      kind: 'virtual_cluster',
      title: `virtual cluster "${vcluster.name}"`,
      explanation: [vcluster.explanation],
    });

  const policy: string[] = [];
  const timeoutRaw = rawField(routeRaw, 'timeout');
  const timeout = timeoutRaw === undefined ? 15 : (parseDuration(timeoutRaw) ?? 15);
  policy.push(
    timeoutRaw === undefined
      ? 'Timeout: 15s (Envoy default; the route sets none).'
      : timeout === 0
        ? 'Timeout: disabled (0s).'
        : `Timeout: ${timeout}s.`,
  );
  const retry = opts.retryPolicy ?? vhostRetry(ctx.vh);
  if (retry)
    policy.push(
      `Retries: ${retry.numRetries ?? 1} on "${retry.retryOn ?? ''}"${retry.perTryTimeout ? `, per try timeout ${retry.perTryTimeout}` : ''}${opts.retryPolicy ? '' : ' (from the virtual host)'}.`,
    );
  for (const m of opts.mirrors)
    policy.push(
      `Mirrored to cluster "${m.cluster}"${m.runtimeFraction ? ` (${m.runtimeFraction.numerator}/${m.runtimeFraction.denominator})` : ''}.`,
    );
  ctx.steps.push({ kind: 'policy', title: 'timeouts and retries', explanation: policy });

  const trace: RouteTrace = {
    ...out,
    outcome: 'forward',
    summary:
      cluster !== ''
        ? `Forwarded to cluster "${cluster}".`
        : weighted && !weighted.chosen
          ? `Weighted split: ${weighted.branches.map((b) => `${b.name} ${b.percent.toFixed(1)}%`).join(', ')} (depends on the random value).`
          : 'No cluster name: 503 (cluster not found).',
    cluster: weighted && !weighted.chosen ? undefined : cluster,
    requestHeaders: h,
    responseHeaders,
    timeoutSeconds: timeout,
  };
  if (trace.cluster === undefined) delete trace.cluster;
  if (weighted) trace.weighted = weighted;
  if (vcluster) trace.virtualCluster = vcluster.name;
  if (retry) trace.retryPolicy = retry;
  return trace;
}

function vhostRetry(vh: VirtualHost): RouteTrace['retryPolicy'] {
  const r = rawObj(vh.raw, 'retry_policy');
  if (!r) return undefined;
  const p: NonNullable<RouteTrace['retryPolicy']> = { raw: r };
  const on = rawStr(r, 'retry_on');
  if (on !== undefined) p.retryOn = on;
  const n = rawField(r, 'num_retries');
  if (typeof n === 'number') p.numRetries = n;
  return p;
}
