// Reads one query's samples into the traffic map (Kiali's populateTrafficMap / addTraffic).
import type { GraphType, Protocol, ServiceName, TrafficMap, TrafficNode } from './trafficMap';
import { PASSTHROUGH_CLUSTER, edgeTo, isOK } from './trafficMap';
import { readSeriesEnds } from './readSeriesEnds';
import { addNode, kialiNodeId, type NodeIdentity } from './kialiNodeId';
import type { KialiGraphOptions } from './graphOptions';
import type { MetricKind } from './promQueries';
import type { PromSample } from './promVector';
import { addTrafficValues, type TrafficSample } from './trafficValues';

/** What populating needs besides the options: which workloads are ambient waypoints. */
export interface PopulateContext {
  options: KialiGraphOptions;
  isWaypoint: (cluster: string, namespace: string, workload: string) => boolean;
}

/** `util.HandleResponseCode`: `0` means no response; gRPC uses its status unless HTTP failed. */
export function responseCode(
  protocol: string,
  code: string,
  grpcStatus: string | undefined,
): string {
  if (code === '0') return '-';
  if (protocol !== 'grpc') return code;
  if (code.startsWith('4') || code.startsWith('5')) return code;
  return grpcStatus ?? code;
}

/** Adds every usable sample of one query result; skips what Kiali skips. */
export function populateTrafficMap(
  map: TrafficMap,
  samples: readonly PromSample[],
  metric: string,
  kind: MetricKind,
  ctx: PopulateContext,
): void {
  const { options } = ctx;
  const graphType: GraphType = options.graphType;
  for (const { metric: m, value } of samples) {
    const flagsLabel = m.response_flags;
    if (kind === 'requests' && (m.request_protocol === undefined || m.response_code === undefined))
      continue;
    if (kind !== 'messages' && flagsLabel === undefined) continue;
    const ends = readSeriesEnds(m);
    if (!ends) continue;
    const { source, dest, host: destSvc } = ends;

    let protocol: Protocol;
    let code = '-';
    if (kind === 'requests') {
      const p = m.request_protocol ?? '';
      if (p !== 'http' && p !== 'grpc') continue;
      protocol = p;
      code = responseCode(p, m.response_code ?? '', m.grpc_response_status);
      if (p === 'grpc' && options.rates.grpc !== 'requests') continue;
      if (p === 'http' && options.rates.http !== 'requests') continue;
    } else {
      protocol = kind === 'tcp' ? 'tcp' : 'grpc';
    }
    const flags = kind === 'messages' ? '' : (flagsLabel ?? '');
    const {
      cluster: srcCluster,
      workloadNamespace: srcNs,
      workload: srcWl,
      app: srcApp,
      version: srcVer,
    } = source;
    const { cluster: destCluster, serviceNamespace: destSvcNs, service: destSvcName } = dest;
    const { workloadNamespace: destWlNs, workload: destWl, app: destApp, version: destVer } = dest;

    const waypointEnd =
      ctx.isWaypoint(srcCluster, srcNs, srcWl) || ctx.isWaypoint(destCluster, destWlNs, destWl);
    let inject = false;
    if (
      options.injectServiceNodes &&
      isOK(destSvcName) &&
      destSvcName !== PASSTHROUGH_CLUSTER &&
      !waypointEnd
    ) {
      inject = kialiNodeId(dest, graphType)?.nodeType !== 'service';
    }

    const sourceNode = addNode(map, source, graphType);
    if (!sourceNode) continue;
    const destNode = addNode(map, dest, graphType);
    if (!destNode) continue;

    const seriesKey = [
      metric,
      srcCluster,
      srcNs,
      srcWl,
      srcApp,
      srcVer,
      destCluster,
      destSvcNs,
      destSvcName,
      destWlNs,
      destWl,
      destApp,
      destVer,
      code,
      flags,
      destSvc,
    ].join('\u0000');
    const sample = { protocol, value, code, flags, host: destSvc, isMessages: kind === 'messages' };
    const destService = { cluster: destCluster, namespace: destSvcNs, name: destSvcName };

    if (inject) {
      const svcIdentity: NodeIdentity = {
        cluster: destCluster,
        serviceNamespace: destSvcNs,
        service: destSvcName,
        workloadNamespace: '',
        workload: '',
        app: '',
        version: '',
      };
      const svcNode = addNode(map, svcIdentity, graphType);
      if (!svcNode) continue;
      svcNode.flags.isInjected = true;
      if (addEdgeTraffic(sourceNode, svcNode, protocol, seriesKey, sample)) {
        addEdgeTraffic(svcNode, destNode, protocol, seriesKey, sample);
        addDestService(svcNode.destServices, destService);
      }
      addDestService(destNode.destServices, destService);
    } else {
      addEdgeTraffic(sourceNode, destNode, protocol, seriesKey, sample);
      addDestService(destNode.destServices, destService);
    }
  }
}

function addDestService(destServices: Map<string, ServiceName>, svc: ServiceName): void {
  if (!isOK(svc.name)) return;
  destServices.set(`${svc.cluster} ${svc.namespace} ${svc.name}`, svc);
}

/** Adds a sample to the edge unless that series was already counted; returns whether it was added. */
function addEdgeTraffic(
  source: TrafficNode,
  dest: TrafficNode,
  protocol: Protocol,
  seriesKey: string,
  sample: TrafficSample,
): boolean {
  const edge = edgeTo(source, dest, protocol);
  if (edge.seriesSeen.has(seriesKey)) return false;
  edge.seriesSeen.add(seriesKey);
  addTrafficValues(source, dest, edge, sample);
  return true;
}
