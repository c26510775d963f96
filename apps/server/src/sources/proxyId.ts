/**
 * `<pod>.<namespace>` -> parts. Namespaces are DNS labels (no dots) while pod names may contain
 * dots, so the split is at the last dot.
 */
export function splitProxyId(id: string): { name: string; namespace: string } {
  const dot = id.lastIndexOf('.');
  return dot > 0
    ? { name: id.slice(0, dot), namespace: id.slice(dot + 1) }
    : { name: id, namespace: '' };
}

/** Envoy node ids in Istio are `type~ip~pod.namespace~namespace.svc.cluster.local`; returns the parts used. */
export function parseNodeId(nodeId: string): { type: string; proxyId: string } | undefined {
  const parts = nodeId.split('~');
  if (parts.length !== 4 || !parts[2]) return undefined;
  return { type: parts[0] || 'unknown', proxyId: parts[2] };
}

/** A proxy id is `<pod>.<namespace>` made of DNS characters: anything else is rejected before use in a URL. */
export function isValidProxyId(id: string): boolean {
  return (
    /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\.[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(id) && id.length <= 320
  );
}
