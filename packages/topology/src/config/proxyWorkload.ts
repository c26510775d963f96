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
  /** Known only from the proxy list: name from the pod name, `app`/`version` guessed from it. */
  labelsInferred?: boolean;
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
  const name = fromMeta ?? workloadOfPod(node.podName, node.labels['pod-template-hash']);
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

/** A Deployment pod's workload: the pod name without its ReplicaSet hash and pod suffix. */
export function workloadOfPod(podName: string, templateHash?: string): string {
  if (templateHash && podName.includes(`-${templateHash}-`)) {
    return podName.slice(0, podName.indexOf(`-${templateHash}-`));
  }
  return podName.replace(/-[a-z0-9]{5,10}-[a-z0-9]{5}$/, '');
}

/**
 * The workload of a proxy known only from the proxy list (no dump read): its name from the pod
 * name, and `app`/`version` guessed the way Kiali's naming convention reads them: the longest
 * service name of the namespace that prefixes the workload name is the app, a `v<N>` rest is the
 * version (`reviews-v2` behind service `reviews` -> app reviews, version v2). Marked inferred.
 */
export function listedProxyWorkload(
  proxy: { name: string; namespace: string; type: string },
  servicesOfNamespace: readonly string[],
): ProxyWorkload {
  const name = workloadOfPod(proxy.name);
  let app = name;
  let version: string | undefined;
  let best = '';
  for (const s of servicesOfNamespace) {
    if (s.length > best.length && name.startsWith(`${s}-`)) best = s;
  }
  const rest = best ? name.slice(best.length + 1) : '';
  if (/^v\d+[a-z0-9]*$/.test(rest)) {
    app = best;
    version = rest;
  }
  const labels: Record<string, string> = { app, ...(version ? { version } : {}) };
  // Istio's gateway charts label `istio-ingressgateway` pods `istio: ingressgateway`, which is
  // what Gateway selectors name.
  if (proxy.type === 'router' && name.startsWith('istio-')) labels.istio = name.slice(6);
  return {
    name,
    namespace: proxy.namespace,
    labels,
    app,
    ...(version ? { version } : {}),
    proxyType: proxy.type,
    proxyName: `${proxy.name}.${proxy.namespace}`,
    labelsInferred: true,
  };
}
