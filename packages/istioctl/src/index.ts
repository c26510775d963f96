// istioctl's `proxy-config` columns, computed once for the `meshlens proxy-config` CLI and the web
// app's tables. Each row builder returns the exact cell texts istioctl prints; ordering, filtering
// and layout stay with the callers (the CLI sorts like Go, the web sorts on demand).
export { clusterRow, clusterType, type ClusterRow } from './clusterRow';
export { describeChainDestination } from './describeChainDestination';
export { describeChainMatch } from './describeChainMatch';
export { clusterDestination, describeInlineRoute } from './describeInlineRoute';
export { describeIstioConfig } from './describeIstioConfig';
export { describeRouteDomains } from './describeRouteDomains';
export { describeRouteMatch } from './describeRouteMatch';
export { endpointRow, type EndpointRow } from './endpointRow';
export { formatLocality } from './formatLocality';
export { formatRfc3339 } from './formatRfc3339';
export { listenerAddress, listenerAddresses, listenerPort } from './listenerAddress';
export {
  listenerChainRows,
  listenerSummaryRow,
  type ListenerChainRow,
  type ListenerSummaryRow,
} from './listenerRows';
export { listenerType } from './listenerType';
export { routeRows, type RouteRow } from './routeRows';
export { isCertValid, secretRow, type SecretRow } from './secretRow';
export { isSubsetKey, parseSubsetKey, sortKeyOf, subsetKeyLess, type SubsetKey } from './subsetKey';
