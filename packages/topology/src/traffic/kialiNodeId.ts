import {
  BLACKHOLE_CLUSTER,
  PASSTHROUGH_CLUSTER,
  UNKNOWN,
  isOK,
  isOKVersion,
  type GraphType,
  type NodeType,
  type TrafficNode,
} from './trafficMap';

/** The identity labels of one end of a time series, as Kiali passes them to `graph.Id`. */
export interface NodeIdentity {
  cluster: string;
  serviceNamespace: string;
  service: string;
  workloadNamespace: string;
  workload: string;
  app: string;
  version: string;
}

/** Kiali's internal node id and type for an identity in a graph type, or undefined when it cannot name one. */
export function kialiNodeId(
  who: NodeIdentity,
  graphType: GraphType,
): { id: string; nodeType: NodeType } | undefined {
  const { cluster, service, workload, app, version } = who;
  // Prefer the workload namespace: it is where the pod runs.
  const namespace = isOK(who.workloadNamespace) ? who.workloadNamespace : who.serviceNamespace;

  // The special "unknown" traffic source (requests Istio could not attribute).
  if (namespace === UNKNOWN && workload === UNKNOWN && app === UNKNOWN && service === '') {
    return { id: `${cluster}_unknown_source`, nodeType: 'unknown' };
  }
  // A request to an unknown destination (e.g. no route): one unknown service per namespace.
  if (workload === UNKNOWN && app === UNKNOWN && service === UNKNOWN) {
    return { id: `svc_${cluster}_${namespace}_unknown`, nodeType: 'service' };
  }
  // Service graphs are built as workload graphs first and reduced at the end.
  if (graphType === 'workload' || graphType === 'service') {
    if (!isOK(workload) && !isOK(service)) return undefined;
    if (!isOK(workload))
      return { id: `svc_${cluster}_${namespace}_${service}`, nodeType: 'service' };
    return { id: `wl_${cluster}_${namespace}_${workload}`, nodeType: 'workload' };
  }
  if (isOK(app)) {
    // Versioned-app nodes use the workload when known (protects against label anti-patterns).
    if (graphType === 'versionedApp') {
      if (isOK(workload))
        return { id: `vapp_${cluster}_${namespace}_${workload}`, nodeType: 'app' };
      if (isOKVersion(version)) {
        return { id: `vapp_${cluster}_${namespace}_${app}_${version}`, nodeType: 'app' };
      }
    }
    return { id: `app_${cluster}_${namespace}_${app}`, nodeType: 'app' };
  }
  if (isOK(workload)) return { id: `wl_${cluster}_${namespace}_${workload}`, nodeType: 'workload' };
  if (!isOK(service)) return undefined;
  return { id: `svc_${cluster}_${namespace}_${service}`, nodeType: 'service' };
}

/** A new node with Kiali's per-type field trimming (`graph.NewNodeExplicit`). */
export function newTrafficNode(
  id: string,
  nodeType: NodeType,
  who: NodeIdentity,
  graphType: GraphType,
): TrafficNode {
  let { workload, app, version, service } = who;
  const namespace = isOK(who.workloadNamespace) ? who.workloadNamespace : who.serviceNamespace;
  const node: TrafficNode = {
    id,
    nodeType,
    cluster: who.cluster,
    namespace,
    workload: '',
    app: '',
    version: '',
    service: '',
    edges: [],
    rates: new Map(),
    destServices: new Map(),
    flags: {},
  };
  switch (nodeType) {
    case 'workload':
      // Keep app/version labels (useful for grouping); `latest` is kept on purpose, as Kiali does.
      if (app === UNKNOWN) app = '';
      if (version === UNKNOWN) version = '';
      service = '';
      break;
    case 'app':
      if (graphType !== 'versionedApp') {
        workload = '';
        version = '';
      }
      service = '';
      break;
    case 'service':
      app = '';
      workload = '';
      version = '';
      if (service === PASSTHROUGH_CLUSTER || service === BLACKHOLE_CLUSTER) {
        node.flags.isEgressCluster = true;
      }
      break;
    default:
      break;
  }
  Object.assign(node, { workload, app, version, service });
  return node;
}

/** Looks a node up by its id for the identity, creating it when new; undefined when Kiali skips the sample. */
export function addNode(
  map: Map<string, TrafficNode>,
  who: NodeIdentity,
  graphType: GraphType,
): TrafficNode | undefined {
  const idType = kialiNodeId(who, graphType);
  if (!idType) return undefined;
  let node = map.get(idType.id);
  if (!node) {
    node = newTrafficNode(idType.id, idType.nodeType, who, graphType);
    map.set(node.id, node);
  }
  return node;
}
