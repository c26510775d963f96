import type { ConfigDump } from '@meshlens/configdump';

/** The workload a proxy belongs to, from its bootstrap node. */
export interface ProxyWorkload {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  app?: string;
  version?: string;
  ip?: string;
  proxyType: string;
  /** `<pod>.<namespace>`, how istioctl names a proxy. */
  proxyName: string;
}

/**
 * Names the workload of a proxy: the node's `WORKLOAD_NAME` metadata when present, else the pod
 * name without its ReplicaSet hash and pod suffix (`reviews-v2-5b8c7d9f4-abcde` -> `reviews-v2`),
 * which is what Istio's `source_workload` label holds for Deployments.
 */
export function proxyWorkload(dump: ConfigDump): ProxyWorkload | undefined {
  const node = dump.node;
  if (!node?.podName || !node.namespace) return undefined;
  const raw = node.raw;
  const meta =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw.metadata : undefined;
  const fromMeta =
    typeof meta === 'object' &&
    meta !== null &&
    !Array.isArray(meta) &&
    typeof meta.WORKLOAD_NAME === 'string'
      ? meta.WORKLOAD_NAME
      : undefined;
  const hash = node.labels['pod-template-hash'];
  let name = fromMeta ?? node.podName;
  if (!fromMeta) {
    if (hash && name.includes(`-${hash}-`)) name = name.slice(0, name.indexOf(`-${hash}-`));
    else name = name.replace(/-[a-z0-9]{5,10}-[a-z0-9]{5}$/, '');
  }
  const app = node.labels.app ?? node.labels['service.istio.io/canonical-name'];
  const version = node.labels.version ?? node.labels['service.istio.io/canonical-revision'];
  return {
    name,
    namespace: node.namespace,
    labels: node.labels,
    ...(app ? { app } : {}),
    ...(version && version !== 'latest' ? { version } : {}),
    ...(node.ip ? { ip: node.ip } : {}),
    proxyType: node.proxyType,
    proxyName: `${node.podName}.${node.namespace}`,
  };
}
