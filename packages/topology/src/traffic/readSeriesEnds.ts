import type { NodeIdentity } from './kialiNodeId';
import { UNKNOWN, isOK } from './trafficMap';

/** Both ends of a time series, after Kiali's clean-ups, plus the raw `destination_service` host. */
export interface SeriesEnds {
  source: NodeIdentity;
  dest: NodeIdentity;
  host: string;
}

const IPV4_HOST = /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/;
const IPV6_HOST = /^\[?[0-9a-fA-F:]+\]?(:\d+)?$/;

function looksLikeIp(host: string): boolean {
  return IPV4_HOST.test(host) || (host.includes(':') && IPV6_HOST.test(host));
}

/**
 * Reads the identity labels of a series the way Kiali does (`util.HandleClusters`,
 * `IsBadSourceTelemetry`, `HandleDestination`, `IsBadDestTelemetry`); undefined when Kiali skips it.
 */
export function readSeriesEnds(m: Readonly<Record<string, string>>): SeriesEnds | undefined {
  const srcNs = m.source_workload_namespace;
  const srcWl = m.source_workload;
  const srcApp = m.source_canonical_service;
  const srcVer = m.source_canonical_revision;
  let destSvcNs = m.destination_service_namespace;
  const destSvc = m.destination_service;
  let destSvcName = m.destination_service_name;
  let destWlNs = m.destination_workload_namespace;
  let destWl = m.destination_workload;
  let destApp = m.destination_canonical_service;
  let destVer = m.destination_canonical_revision;
  if (
    srcNs === undefined ||
    srcWl === undefined ||
    srcApp === undefined ||
    srcVer === undefined ||
    destSvcNs === undefined ||
    destSvc === undefined ||
    destSvcName === undefined ||
    destWlNs === undefined ||
    destWl === undefined ||
    destApp === undefined ||
    destVer === undefined
  ) {
    return undefined;
  }
  // Cluster labels are optional (single-cluster meshes); missing means unknown.
  const srcCluster = m.source_cluster ?? UNKNOWN;
  let destCluster = m.destination_cluster ?? UNKNOWN;

  // Bad source telemetry: a known namespace but no workload or app, or in an unknown cluster.
  if (isOK(srcNs) && !isOK(srcWl) && !isOK(srcApp)) return undefined;
  if (m.source_cluster !== undefined && !isOK(srcCluster) && isOK(srcNs)) return undefined;

  // Traffic to the egress gateway service is shown on the egress gateway workload.
  if (destSvcName === destSvc && destSvc === 'istio-egressgateway.istio-system.svc.cluster.local') {
    destCluster = srcCluster;
    destSvcNs = 'istio-system';
    destSvcName = 'istio-egressgateway';
    destWlNs = 'istio-system';
    destWl = 'istio-egressgateway';
    destApp = 'istio-egressgateway';
    destVer = 'latest';
  } else if (!isOK(destCluster) && isOK(srcCluster) && isOK(destSvcNs)) {
    // istio/istio#29373: the destination cluster is missing on some source-reported series.
    destCluster = srcCluster;
  }

  // Bad destination telemetry: an IP instead of a service, or a known namespace in an unknown cluster.
  if (!isOK(destWl) && isOK(destSvc) && destSvc === destSvcName && looksLikeIp(destSvc)) {
    return undefined;
  }
  if (m.destination_cluster !== undefined && !isOK(destCluster) && isOK(destSvcNs))
    return undefined;

  return {
    source: {
      cluster: srcCluster,
      serviceNamespace: srcNs,
      service: '',
      workloadNamespace: srcNs,
      workload: srcWl,
      app: srcApp,
      version: srcVer,
    },
    dest: {
      cluster: destCluster,
      serviceNamespace: destSvcNs,
      service: destSvcName,
      workloadNamespace: destWlNs,
      workload: destWl,
      app: destApp,
      version: destVer,
    },
    host: destSvc,
  };
}
