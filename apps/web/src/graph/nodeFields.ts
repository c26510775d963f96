import type { ForwardOptions, IstioConfigRef, JsonValue, RouteAction } from '@meshlens/configdump';
import {
  describeChainMatch,
  describeRedirect,
  describeRouteMatch,
  formatAddress,
  type NodeObject,
} from '@meshlens/proxy-graph';

/** One row of the side panel: a field name and its text. */
export type NodeField = [name: string, value: string];

/** What the side panel shows for a model object: fields, the Istio object behind it, raw JSON. */
export interface NodeDetails {
  fields: NodeField[];
  istio?: IstioConfigRef;
  raw: JsonValue;
}

function forwardFields(o: ForwardOptions): NodeField[] {
  const out: NodeField[] = [];
  if (o.timeout) out.push(['Timeout', o.timeout]);
  if (o.idleTimeout) out.push(['Idle timeout', o.idleTimeout]);
  if (o.retryPolicy) {
    const r = o.retryPolicy;
    const parts = [
      r.numRetries !== undefined ? `${r.numRetries} retries` : undefined,
      r.retryOn ? `on ${r.retryOn}` : undefined,
      r.perTryTimeout ? `per try ${r.perTryTimeout}` : undefined,
    ].filter((x) => x !== undefined);
    out.push(['Retries', parts.join(', ') || 'policy set']);
  }
  for (const m of o.mirrors) out.push(['Mirror', m.cluster]);
  if (o.prefixRewrite !== undefined) out.push(['Prefix rewrite', o.prefixRewrite]);
  if (o.regexRewrite)
    out.push(['Regex rewrite', `${o.regexRewrite.regex} -> ${o.regexRewrite.substitution}`]);
  if (o.hostRewriteLiteral) out.push(['Host rewrite', o.hostRewriteLiteral]);
  return out;
}

function actionFields(a: RouteAction): NodeField[] {
  switch (a.kind) {
    case 'cluster':
      return [['Action', `route to ${a.cluster}`], ...forwardFields(a.options)];
    case 'weighted_clusters':
      return [
        [
          'Action',
          `weighted: ${a.clusters
            .map(
              (c) =>
                `${c.name || `header ${c.clusterHeader ?? ''}`} ${a.totalWeight > 0 ? Math.round((c.weight / a.totalWeight) * 1000) / 10 : 0}%`,
            )
            .join(', ')}`,
        ],
        ...forwardFields(a.options),
      ];
    case 'cluster_header':
      return [['Action', `cluster from header ${a.header}`], ...forwardFields(a.options)];
    case 'redirect':
      return [['Action', `redirect ${describeRedirect(a.redirect)}`]];
    case 'direct_response':
      return [
        ['Action', `direct response ${a.status}`],
        ...(a.body ? [['Body', a.body] as NodeField] : []),
      ];
    case 'non_forwarding':
      return [['Action', 'non-forwarding']];
    case 'unknown':
      return [['Action', 'unknown']];
  }
}

/** The side panel contents of a model object. */
export function nodeDetails(obj: NodeObject): NodeDetails {
  switch (obj.kind) {
    case 'listener': {
      const l = obj.listener;
      return {
        fields: [
          ['Name', l.name],
          ['Kind', 'listener'],
          ['State', l.state],
          ['Address', [l.address, ...l.additionalAddresses].map(formatAddress).join(', ')],
          ['Direction', l.trafficDirection],
          ['Filter chains', String(l.filterChains.length + (l.defaultFilterChain ? 1 : 0))],
          ['Listener filters', l.listenerFilters.join(', ') || 'none'],
          ['Original dst', l.useOriginalDst ? 'yes' : 'no'],
        ],
        raw: l.raw,
      };
    }
    case 'filter_chain': {
      const c = obj.chain;
      return {
        fields: [
          ['Name', c.name],
          ['Kind', c.isDefault ? 'default filter chain' : 'filter chain'],
          ['Listener', obj.listener.name],
          ['Match', describeChainMatch(c)],
          ['Filters', c.filters.map((f) => f.name).join(', ') || 'none'],
          ['TLS', c.transportSocket ?? 'none'],
        ],
        raw: c.raw,
      };
    }
    case 'route_config': {
      const rc = obj.routeConfig;
      return {
        fields: [
          ['Name', rc.name],
          ['Kind', rc.inline ? 'inline route configuration' : 'route configuration'],
          ['State', rc.state],
          ['Virtual hosts', String(rc.virtualHosts.length)],
          ...(rc.versionInfo ? [['Version', rc.versionInfo] as NodeField] : []),
        ],
        raw: rc.raw,
      };
    }
    case 'virtual_host': {
      const vh = obj.virtualHost;
      return {
        fields: [
          ['Name', vh.name],
          ['Kind', 'virtual host'],
          ['Route config', obj.routeConfig.name],
          ['Domains', vh.domains.join(', ')],
          ['Routes', String(vh.routes.length)],
          ['Require TLS', vh.requireTls],
        ],
        raw: vh.raw,
      };
    }
    case 'route': {
      const r = obj.route;
      const fields: NodeField[] = [
        ['Name', r.name ?? `#${r.index}`],
        ['Kind', 'route'],
        ['Virtual host', obj.virtualHost.name],
        ['Match', describeRouteMatch(r)],
        ...r.match.headers.map((h): NodeField => ['Header', `${h.invert ? 'NOT ' : ''}${h.name}`]),
        ...actionFields(r.action),
      ];
      if (r.decorator) fields.push(['Decorator', r.decorator]);
      return r.istioConfig ? { fields, istio: r.istioConfig, raw: r.raw } : { fields, raw: r.raw };
    }
    case 'cluster': {
      const c = obj.cluster;
      const fields: NodeField[] = [
        ['Name', c.name],
        ['Kind', 'cluster'],
        ['State', c.state],
        ['Type', c.type],
        ...(c.edsServiceName ? [['EDS name', c.edsServiceName] as NodeField] : []),
        ['LB policy', c.lbPolicy],
        ...(c.connectTimeout ? [['Connect timeout', c.connectTimeout] as NodeField] : []),
        [
          'TLS',
          c.tls
            ? `${c.tls.istioMutual ? 'ISTIO_MUTUAL' : c.tls.transportSocket}${c.tls.sni ? ` (SNI ${c.tls.sni})` : ''}`
            : 'none',
        ],
        ['Endpoints', String(obj.endpoints?.endpoints.length ?? 0)],
      ];
      if (c.aggregateClusters.length > 0)
        fields.push(['Aggregates', c.aggregateClusters.join(', ')]);
      return c.istioConfig ? { fields, istio: c.istioConfig, raw: c.raw } : { fields, raw: c.raw };
    }
    case 'endpoint': {
      const e = obj.endpoint;
      const loc = e.locality
        ? [e.locality.region, e.locality.zone, e.locality.subZone].filter((x) => x).join('/')
        : '';
      return {
        fields: [
          ['Address', formatAddress(e.address)],
          ['Kind', 'endpoint'],
          ['Cluster', obj.cluster],
          ['Health', e.healthStatus],
          ...(e.outlierCheck ? [['Outlier check', e.outlierCheck] as NodeField] : []),
          ...(loc ? [['Locality', loc] as NodeField] : []),
          ...(e.weight !== undefined ? [['Weight', String(e.weight)] as NodeField] : []),
          ['Priority', String(e.priority)],
          ...(e.hostname ? [['Hostname', e.hostname] as NodeField] : []),
        ],
        raw: e.raw,
      };
    }
    case 'secret': {
      const s = obj.secret;
      const cert = s.certificates[0];
      return {
        fields: [
          ['Name', s.name],
          ['Kind', 'SDS secret'],
          ['State', s.state],
          ['Type', s.kind],
          ['Certificates', String(s.certificates.length)],
          ...(cert?.notBefore ? [['Valid from', cert.notBefore] as NodeField] : []),
          ...(cert?.notAfter ? [['Valid until', cert.notAfter] as NodeField] : []),
          ...(cert?.serialNumber ? [['Serial', cert.serialNumber] as NodeField] : []),
          ...(cert && cert.subjectAltNames.length > 0
            ? [['SANs', cert.subjectAltNames.join(', ')] as NodeField]
            : []),
        ],
        raw: s.raw,
      };
    }
  }
}
