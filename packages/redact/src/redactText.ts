import {
  IPV4,
  IPV6,
  ipv4Placeholder,
  ipv6Placeholder,
  isIpv4,
  isIpv6,
  isNonIdentifyingIp,
  isPlaceholderIp,
} from './ipAddress';
import { PlaceholderMap } from './placeholderMap';
import type { RedactionKind } from './model';
import type { FoundNames } from './hostNames';
import { NameRedactor } from './nameRedactor';

const hex8 = (h: number): string => h.toString(16).padStart(8, '0');

/** JWTs (three base64url parts, the first a JSON header) and `Bearer` credentials. */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{8,})/g;
/** A placeholder, alone or after an auth scheme (`Bearer redacted-token-…`). */
const TOKEN_PLACEHOLDER = /^(?:[A-Za-z]+ )?redacted-token-[0-9a-f]{8}$/;

/** Extension and type names: never rewritten, whatever labels they share with hosts. */
const EXTENSION_NAME =
  /^(?:envoy\.|istio\.|io\.istio|type\.googleapis\.com\/|udpa\.|xds\.|com\.google)/;

/** The placeholder state of one redaction: every map is one-to-one and hash-derived. */
export class TextRedactor {
  readonly counts: Record<RedactionKind, number> = {
    ip: 0,
    hostname: 0,
    namespace: 0,
    certificate: 0,
    private_key: 0,
    token: 0,
  };
  readonly ipv4 = new PlaceholderMap(ipv4Placeholder);
  readonly ipv6 = new PlaceholderMap(ipv6Placeholder);
  readonly hosts = new PlaceholderMap((h) => `h-${hex8(h)}`);
  readonly namespaces = new PlaceholderMap((h) => `ns-${hex8(h)}`);
  readonly tokens = new PlaceholderMap((h) => `redacted-token-${hex8(h)}`);
  readonly secrets = new PlaceholderMap((h) => hex8(h));

  private readonly names: NameRedactor;

  constructor(found: FoundNames, options: { hostnames: boolean; namespaces: boolean }) {
    this.names = new NameRedactor({
      found,
      ...options,
      hostPlaceholder: (label) => this.hosts.get(label),
      namespacePlaceholder: (name) => this.namespaces.get(name),
      count: (kind) => this.counts[kind]++,
    });
  }

  /** A whole value that is a credential (e.g. an `Authorization` header value). */
  token(value: string): string {
    if (TOKEN_PLACEHOLDER.test(value) || value === '') return value;
    this.counts.token++;
    return this.tokens.get(value);
  }

  private ip(text: string): string {
    let out = text.replace(IPV6, (m) => {
      if (!m.includes('::') && m.split(':').length < 8) return m;
      if (!isIpv6(m) || isNonIdentifyingIp(m) || isPlaceholderIp(m)) return m;
      this.counts.ip++;
      return this.ipv6.get(m.toLowerCase());
    });
    out = out.replace(IPV4, (m) => {
      if (!isIpv4(m) || isNonIdentifyingIp(m) || isPlaceholderIp(m)) return m;
      this.counts.ip++;
      return this.ipv4.get(m);
    });
    return out;
  }

  /** Tokens, IP addresses, then (when asked for) hostnames and namespaces inside a string found under `key`. */
  text(value: string, key = ''): string {
    let out = value.replace(JWT, (m) => this.token(m));
    out = out.replace(
      BEARER,
      (_m, scheme: string, cred: string) => `${scheme} ${this.token(cred)}`,
    );
    out = this.ip(out);
    return EXTENSION_NAME.test(out) ? out : this.names.text(out, key);
  }
}
