import { HOST_KEYS, NAMESPACE_KEY, type FoundNames, usable } from './hostNames';

/** What a `NameRedactor` replaces, and where its placeholders and counts live. */
export interface NameRedactorParts {
  found: FoundNames;
  hostnames: boolean;
  namespaces: boolean;
  hostPlaceholder: (label: string) => string;
  namespacePlaceholder: (name: string) => string;
  count: (kind: 'hostname' | 'namespace') => void;
}

/** Metadata fields naming the proxy's workload (pod, deployment, app label, service account). */
const WORKLOAD_KEYS = new Set([
  'NAME',
  'POD_NAME',
  'WORKLOAD_NAME',
  'OWNER',
  'SERVICE_ACCOUNT',
  'app',
  'service.istio.io/canonical-name',
  'app.kubernetes.io/name',
]);

/** Mixer / telemetry attributes naming a service: `destination.service.name`, `source.service.name`. */
const SERVICE_NAME_KEY = /(?:^|\.)service\.name$/;

/** A whole value shaped like a hostname, optionally `*.`-prefixed and with a port. */
const HOST_VALUE = /^(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?(?::(?:\d+|\*))?$/;
/** `outbound|9080|v1|reviews.default.svc.cluster.local` inside any string (stat prefixes too). */
const ISTIO_CLUSTER = /\b((?:inbound|outbound)(?:-vip)?\|\d*\|[^|\s]*\|)([A-Za-z0-9*.-]+)/g;
/** Istio SNI / 1.3 cluster names: `outbound_.9080_.v1_.reviews.default.svc.cluster.local`. */
const ISTIO_SNI = /\b((?:inbound|outbound)_\.\d*_\.[^.\s]*_\.)([A-Za-z0-9*.-]+)/g;
/** A Kubernetes service FQDN (`name.ns.svc[.cluster[.local]]`, or `ns.svc...` in node ids). */
const K8S_FQDN =
  /(?<![A-Za-z0-9.-])(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.svc(?:\.cluster\.local|\.cluster)?(?![A-Za-z0-9-])/g;
/** A dotted name standing alone (between separators such as `~`, `/`, `:`, `,`). */
const DOTTED =
  /(?<![A-Za-z0-9.*-])(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![A-Za-z0-9-]|\.[A-Za-z0-9])/g;
/** Istio config paths (`/namespaces/<ns>/`), SPIFFE ids (`/ns/<ns>/sa/<sa>`), Mixer service URIs. */
const CONFIG_PATH = /\/namespaces\/([a-z0-9-]+)(?=\/)/g;
const SPIFFE = /\/ns\/([a-z0-9-]+)\/(?:sa\/([A-Za-z0-9-]+))?/g;
/** Istio gateway route names: `https.443.https.bookinfo-gateway.<gateway namespace>`. */
const GATEWAY_ROUTE = /^(https?\.\d+\.[^.]+\.[A-Za-z0-9-]+\.)([a-z0-9-]+)$/;
const MIXER_SERVICE = /\bistio:\/\/([a-z0-9-]+)\/services\/([a-z0-9-]+)/g;

/**
 * Replaces hostnames and namespaces only where a value is one in context: a field holding a host
 * (`domains`, `sni`, `server_names`, ...), an Istio cluster name or SNI, a Kubernetes FQDN, a
 * hostname seen as such elsewhere in the dump, `name.namespace`, a namespace field or path
 * segment, a SPIFFE id, and the proxy's own workload names in node metadata. A service's short
 * name elsewhere (a route or cluster name, a stat prefix, a header value) is left alone. Every
 * rule maps a label the same way, so a name referenced from several places still resolves.
 */
export class NameRedactor {
  constructor(private readonly p: NameRedactorParts) {}

  private hostLabel(label: string): string {
    if (!this.p.hostnames || !usable(label)) return label;
    this.p.count('hostname');
    return this.p.hostPlaceholder(label);
  }

  private namespace(name: string): string {
    if (!this.p.namespaces || !usable(name)) return name;
    this.p.count('namespace');
    return this.p.namespacePlaceholder(name);
  }

  /** A label of a host that is not in a known namespace position. */
  private anyLabel(label: string): string {
    return this.p.found.namespaces.has(label) ? this.namespace(label) : this.hostLabel(label);
  }

  /** `reviews-v1-6c66` (a pod of `reviews`): a known service label, whole or before a `-`. */
  private workload(name: string): string {
    const { hostLabels } = this.p.found;
    if (hostLabels.has(name)) return this.hostLabel(name);
    for (let i = name.lastIndexOf('-'); i > 0; i = name.lastIndexOf('-', i - 1)) {
      const head = name.slice(0, i);
      if (hostLabels.has(head)) return this.hostLabel(head) + name.slice(i);
    }
    return name;
  }

  /** A hostname, label by label: `*.`, the port, dots and the `.svc.cluster.local` suffix are kept. */
  private host(text: string): string {
    const [, name = text, port = ''] = /^(.*?)((?::[^:]*)?)$/.exec(text) ?? [];
    const labels = name.split('.');
    const svc = labels.lastIndexOf('svc');
    const k8s = svc > 0 && labels.slice(svc + 1).every((l) => l === 'cluster' || l === 'local');
    const out = labels.map((l, i) => {
      if (l === '*' || l === '') return l;
      if (k8s && i >= svc) return l;
      if (k8s && i === svc - 1) return this.namespace(l);
      return this.anyLabel(l);
    });
    return out.join('.') + port;
  }

  /** A dotted name: a known hostname, or `name.namespace` (a service or a pod in a namespace). */
  private dotted(token: string): string {
    const bare = token.replace(/^\*\./, '').toLowerCase();
    if (this.p.found.hosts.has(bare)) return this.host(token);
    const labels = token.split('.');
    if (labels.length === 2 && this.p.found.namespaces.has(labels[1]!))
      return `${this.workload(labels[0]!)}.${this.namespace(labels[1]!)}`;
    return token;
  }

  /** A string (after IPs and tokens were replaced) found under the field `key`. */
  text(value: string, key: string): string {
    if (!this.p.hostnames && !this.p.namespaces) return value;
    if (HOST_KEYS.has(key) && HOST_VALUE.test(value)) return this.host(value);
    if (NAMESPACE_KEY.test(key) && /^[a-z0-9-]+$/.test(value)) return this.namespace(value);
    if (WORKLOAD_KEYS.has(key) || SERVICE_NAME_KEY.test(key)) {
      // `kubernetes://api/apps/v1/namespaces/default/deployments/productpage-v1`: the last segment.
      const i = value.lastIndexOf('/');
      value = value.slice(0, i + 1) + this.workload(value.slice(i + 1));
    }
    const gateway = GATEWAY_ROUTE.exec(value);
    if (gateway && this.p.found.namespaces.has(gateway[2]!))
      return gateway[1]! + this.namespace(gateway[2]!);
    return value
      .replace(ISTIO_CLUSTER, (_m, head: string, host: string) => head + this.host(host))
      .replace(ISTIO_SNI, (_m, head: string, host: string) => head + this.host(host))
      .replace(K8S_FQDN, (m) => this.host(m))
      .replace(DOTTED, (m) => this.dotted(m))
      .replace(CONFIG_PATH, (_m, ns: string) => `/namespaces/${this.namespace(ns)}`)
      .replace(
        SPIFFE,
        (_m, ns: string, sa: string | undefined) =>
          `/ns/${this.namespace(ns)}/${sa === undefined ? '' : `sa/${this.workload(sa)}`}`,
      )
      .replace(
        MIXER_SERVICE,
        (_m, ns: string, svc: string) =>
          `istio://${this.namespace(ns)}/services/${this.hostLabel(svc)}`,
      );
  }
}
