import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { fail, ok, type SourceResult } from '../SourceError';

/** How to reach the cluster: a kubeconfig file (default `$KUBECONFIG` / `~/.kube/config`), a context, or in-cluster. */
export interface KubeAccess {
  kubeconfig?: string;
  context?: string;
  inCluster?: boolean;
}

/**
 * Loads credentials, with errors a person can act on: missing or unreadable kubeconfig, unknown
 * context (listing the known ones), in-cluster mode outside a pod.
 */
export function loadKubeConfig(
  access: KubeAccess,
  env: NodeJS.ProcessEnv = process.env,
): SourceResult<KubeConfig> {
  const kc = new KubeConfig();
  if (access.inCluster) {
    if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT) {
      return fail({
        kind: 'not_available',
        message:
          'in-cluster mode needs KUBERNETES_SERVICE_HOST/PORT, which are only set inside a pod',
        advice:
          'Run meshlens in a pod with a service account bound to the meshlens-reader ClusterRole, or use --kubeconfig.',
      });
    }
    try {
      kc.loadFromCluster();
    } catch (err) {
      return fail({
        kind: 'io',
        message: `cannot load the in-cluster service account: ${String(err)}`,
        advice: 'Check that the pod mounts its service account token.',
      });
    }
    return ok(kc);
  }
  const path =
    access.kubeconfig ?? env.KUBECONFIG?.split(':')[0] ?? `${env.HOME ?? ''}/.kube/config`;
  if (!existsSync(path)) {
    return fail({
      kind: 'io',
      url: path,
      message: 'kubeconfig not found',
      advice: 'Pass --kubeconfig PATH, set KUBECONFIG, or use --in-cluster inside a pod.',
    });
  }
  try {
    kc.loadFromFile(path);
  } catch (err) {
    return fail({
      kind: 'malformed',
      url: path,
      message: `not a readable kubeconfig: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      advice: 'Check the file with kubectl config view --kubeconfig PATH.',
    });
  }
  const contexts = kc.getContexts().map((c) => c.name);
  if (access.context !== undefined) {
    if (!kc.getContextObject(access.context)) {
      return fail({
        kind: 'not_found',
        url: path,
        message: `no context "${access.context}" in the kubeconfig`,
        advice:
          contexts.length > 0
            ? `Known contexts: ${contexts.join(', ')}.`
            : 'The kubeconfig has no contexts at all.',
      });
    }
    kc.setCurrentContext(access.context);
  }
  if (!kc.getCurrentCluster()) {
    return fail({
      kind: 'not_found',
      url: path,
      message: 'the kubeconfig has no current context with a cluster',
      advice:
        contexts.length > 0
          ? `Pick one with --context (known: ${contexts.join(', ')}).`
          : 'Add a cluster and context (kubectl config set-context).',
    });
  }
  return ok(kc);
}
