import { applyLevels, base, formatter, mutationLevels, type ActionContext } from './actionContext';
import { headerFirst, setHeader, type HeaderList } from './headerList';
import { rawObj, rawStr } from './rawFields';
import { redirectStatus, redirectUri } from './redirectUri';
import { rewritePath } from './rewritePath';
import type { RouteTrace } from './routeTraceTypes';
import { traceForward } from './traceForward';

export type { ActionContext } from './actionContext';

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Local reply headers (Envoy's `sendLocalReply`): `text/plain` + length only for a non-empty body. */
function localReplyHeaders(status: number, body: string): HeaderList {
  const h: HeaderList = [[':status', String(status)]];
  if (body !== '') {
    h.push(['content-length', String(utf8Length(body))]);
    h.push(['content-type', 'text/plain']);
  }
  return h;
}

/** Follows the matched route's action: redirect, direct response, or forwarding with rewrites. */
export function traceRouteAction(ctx: ActionContext): RouteTrace {
  const { route, headers } = ctx;
  const a = route.action;
  const notes: string[] = [];
  if (a.kind === 'redirect') {
    const r = a.redirect;
    const path = headerFirst(headers, ':path') ?? '/';
    const rw = rewritePath(path, ctx.matchedPath, r.prefixRewrite, r.regexRewrite);
    const h = setHeader(headers, ':path', rw.path);
    const location = redirectUri(r, h);
    const status = redirectStatus(r.responseCode);
    const responseHeaders = applyLevels(
      localReplyHeaders(status, ''),
      mutationLevels(ctx, 'response', undefined),
      formatter(ctx, h),
      notes,
    );
    ctx.steps.push({
      kind: 'action',
      title: `redirect ${status} to ${location}`,
      explanation: [
        ...(rw.explanation ? [rw.explanation] : []),
        `RedirectAction builds the location ${location} with response code ${r.responseCode} (${status}).`,
        ...notes,
      ],
    });
    return {
      ...base(ctx),
      outcome: 'redirect',
      summary: `Redirect ${status} to ${location}.`,
      redirect: { location, status, tlsRedirect: false },
      requestHeaders: h,
      responseHeaders,
    };
  }
  if (a.kind === 'direct_response') {
    const body = a.body ?? '';
    const uri = redirectUri(undefined, headers);
    const responseHeaders = applyLevels(
      localReplyHeaders(a.status, body),
      mutationLevels(ctx, 'response', undefined),
      formatter(ctx, headers),
      notes,
    );
    const rawBody = rawObj(rawObj(route.raw, 'direct_response'), 'body');
    const fileNote =
      rawStr(rawBody, 'filename') !== undefined
        ? [
            `The body comes from file ${rawStr(rawBody, 'filename') ?? ''}, which the trace cannot read.`,
          ]
        : [];
    ctx.steps.push({
      kind: 'action',
      title: `direct response ${a.status}`,
      explanation: [
        `DirectResponseAction answers ${a.status} with a ${body.length}-byte body${body ? `: ${JSON.stringify(body.length > 80 ? `${body.slice(0, 80)}...` : body)}` : ''}.`,
        ...fileNote,
        ...notes,
      ],
    });
    return {
      ...base(ctx),
      outcome: 'direct_response',
      summary: `Direct response ${a.status}.`,
      directResponse: { status: a.status, body, uri },
      requestHeaders: headers,
      responseHeaders,
    };
  }
  if (a.kind !== 'cluster' && a.kind !== 'weighted_clusters' && a.kind !== 'cluster_header') {
    ctx.steps.push({
      kind: 'action',
      title: 'unsupported action',
      explanation: [`The route's action (${a.kind}) cannot be followed by the tracer.`],
    });
    return {
      ...base(ctx),
      outcome: 'unsupported',
      summary: `Route action ${a.kind} is not supported.`,
      requestHeaders: headers,
      responseHeaders: [],
    };
  }
  return traceForward(ctx, a.options);
}
