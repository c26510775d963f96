import type { JsonValue } from '@meshlens/configdump';
import { isIpv4, isIpv6 } from './ipAddress';

/** Host labels and namespaces found in a dump. */
export interface FoundNames {
  /** DNS labels of service / external hostnames (not namespaces, not the `svc.cluster.local` suffix). */
  hostLabels: Set<string>;
  /** Kubernetes namespaces (from service FQDNs, node ids, config paths, SPIFFE ids, metadata). */
  namespaces: Set<string>;
  /** Whole hostnames of two labels or more (no port, no `*.`), so they are recognised inside other strings. */
  hosts: Set<string>;
}

/** Kubernetes service suffixes, longest first: `name.ns.svc.cluster.local`, `name.ns.svc.cluster`, `name.ns.svc`. */
const K8S_SUFFIXES = ['.svc.cluster.local', '.svc.cluster', '.svc'];

/** Labels that are protocol or platform words, never redacted. */
const KEEP = new Set([
  'svc',
  'cluster',
  'local',
  'envoy',
  'istio',
  'http',
  'https',
  'tcp',
  'udp',
  'grpc',
  'tls',
  'com',
  'org',
  'net',
  'io',
  'dev',
  'app',
  'internal',
  'localhost',
  'outbound',
  'inbound',
]);

/** Placeholders written by `redactDump` (so redaction is idempotent). */
export const PLACEHOLDER_LABEL = /^(?:h|ns)-[0-9a-f]{8}$/;

/** Keys of metadata fields that hold a namespace (`NAMESPACE`, `destination.service.namespace`, ...). */
export const NAMESPACE_KEY = /namespace$/i;

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** A label worth replacing: a DNS label, not a number, a protocol word or a placeholder. */
export const usable = (label: string): boolean =>
  LABEL.test(label) && !/^\d+$/.test(label) && !KEEP.has(label) && !PLACEHOLDER_LABEL.test(label);

const ISTIO_CLUSTER = /^(?:inbound|outbound|inbound-vip|outbound-vip)\|\d*\|[^|]*\|(.+)$/;
const ISTIO_SNI = /^(?:inbound|outbound)_\.\d*_\.[^.]*_\.(.+)$/;
const K8S_HOST = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.svc\.cluster\.local(?::\d+)?$/;

/** Fields whose whole value is a hostname (`reviews`, `reviews:9080`, `*.example.com`). */
export const HOST_KEYS = new Set([
  'sni',
  'hostname',
  'host_rewrite_literal',
  'hostRewriteLiteral',
  'host_rewrite',
  'hostRewrite',
  'host_redirect',
  'hostRedirect',
  'server_names',
  'serverNames',
  'domains',
]);

function addHost(text: string, found: FoundNames): void {
  let host = text.replace(/:\d+$/, '').replace(/^\*\./, '').toLowerCase();
  if (host === '*' || host === '' || isIpv4(host) || isIpv6(host.replace(/^\[|\]$/g, ''))) return;
  let k8s = false;
  for (const suffix of K8S_SUFFIXES) {
    if (host.endsWith(suffix)) {
      host = host.slice(0, -suffix.length);
      k8s = true;
      break;
    }
  }
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l) || l === '*')) return;
  if (!k8s && labels.length >= 2) found.hosts.add(host);
  if (k8s && labels.length >= 2) {
    const ns = labels.pop()!;
    if (usable(ns)) found.namespaces.add(ns);
  } else if (!k8s && labels.length >= 2) {
    // `name.namespace` short forms are told apart from `example.com` once namespaces are known.
    labels.pop();
  }
  for (const l of labels) if (usable(l)) found.hostLabels.add(l);
}

/** Namespaces named by Istio node ids, config paths and SPIFFE ids. */
function addNamespacesFromText(text: string, found: FoundNames): void {
  const node = /^[a-z]+~[^~]*~[^~.]+\.([a-z0-9-]+)~([a-z0-9-]+)\.svc\.cluster\.local$/.exec(text);
  if (node) for (const ns of [node[1]!, node[2]!]) if (usable(ns)) found.namespaces.add(ns);
  for (const m of text.matchAll(/\/namespaces\/([a-z0-9-]+)\//g))
    if (usable(m[1]!)) found.namespaces.add(m[1]!);
  for (const m of text.matchAll(/\/ns\/([a-z0-9-]+)\/sa\//g))
    if (usable(m[1]!)) found.namespaces.add(m[1]!);
}

/**
 * Hostnames and namespaces a dump uses, read from the places that hold them: virtual host
 * domains, SNI / server names, Istio cluster names and SNIs, `*.svc.cluster.local` strings,
 * socket addresses that are DNS names, node ids and metadata, Istio config paths, SPIFFE ids.
 */
export function findNames(raw: JsonValue): FoundNames {
  const found: FoundNames = { hostLabels: new Set(), namespaces: new Set(), hosts: new Set() };
  const walk = (v: JsonValue, key: string, parent: string): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x, key, parent);
      return;
    }
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k, key);
      return;
    }
    if (typeof v !== 'string') return;
    if (NAMESPACE_KEY.test(key) && usable(v)) found.namespaces.add(v);
    addNamespacesFromText(v, found);
    const cluster = ISTIO_CLUSTER.exec(v) ?? ISTIO_SNI.exec(v);
    if (cluster) addHost(cluster[1]!, found);
    else if (K8S_HOST.test(v)) addHost(v, found);
    else if (HOST_KEYS.has(key)) addHost(v, found);
    else if (key === 'address' && (parent === 'socket_address' || parent === 'socketAddress'))
      addHost(v, found);
  };
  walk(raw, '', '');
  // A label that names a namespace is a namespace, even where it also looks like a host.
  for (const ns of found.namespaces) found.hostLabels.delete(ns);
  return found;
}
