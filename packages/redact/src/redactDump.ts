import type { JsonObject, JsonValue } from '@meshlens/configdump';
import { findNames } from './hostNames';
import type { RedactOptions, RedactionReport } from './model';
import { TextRedactor } from './redactText';
import { encodeBase64Ascii } from './base64Text';
import { isSecretPlaceholder, pemPlaceholder } from './secretPlaceholder';

/** Data sources holding certificates (public, but identifying) and keys / passwords (secret). */
const CERT_SOURCES = new Set([
  'certificate_chain',
  'certificateChain',
  'trusted_ca',
  'trustedCa',
  'crl',
  'ocsp_staple',
  'ocspStaple',
  'local_jwks',
  'localJwks',
]);
const KEY_SOURCES = new Set([
  'private_key',
  'privateKey',
  'password',
  'keys',
  'hmac_secret',
  'hmacSecret',
  'secret',
  'generic_secret',
  'genericSecret',
]);
const INLINE = ['inline_bytes', 'inlineBytes', 'inline_string', 'inlineString'] as const;

/** Header names whose values are credentials. */
const CREDENTIAL_HEADER =
  /^(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-csrf-token|x-amz-security-token|x-goog-api-key|[a-z0-9-]*(?:token|secret|password|api-key))$/i;

/** Keys whose string values are type URLs or proto names, never redacted. */
const TYPE_KEYS = new Set(['@type', 'type_url', 'typeUrl']);

/** Fields of a typed value wrapper, read under the name of what they wrap. */
const VALUE_KEYS = new Set(['string_value', 'stringValue']);

/** Proto field names (snake or camel case) are left alone; map keys (names, labels) are rewritten. */
const FIELD_NAME = /^[A-Za-z_@][A-Za-z0-9_]*$/;

const isObj = (v: JsonValue): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A redacted copy of a raw config dump (any shape `parseConfigDump` reads) and a report of what
 * was replaced. Always replaced: certificate and key bytes (by valid PEM placeholders), tokens
 * (JWTs, `Bearer` / `Basic` credentials, values of credential headers) and IP addresses (v4 into
 * 240.0.0.0/4, v6 into 2001:db8::/32, inside any string: `10.1.2.3_9080` stays a listener name for
 * the same placeholder address). On request, hostnames (label by label, keeping dots and the
 * `.svc.cluster.local` suffix) and namespaces. The same value always gets the same placeholder
 * (derived from a hash of it), so names still resolve and the graph keeps its shape; redacting a
 * redacted dump changes nothing.
 */
export function redactDump(
  raw: JsonValue,
  options: RedactOptions = {},
): { json: JsonValue; report: RedactionReport } {
  const hostnames = options.hostnames === true;
  const namespaces = options.namespaces === true;
  const found =
    hostnames || namespaces
      ? findNames(raw)
      : { hostLabels: new Set<string>(), namespaces: new Set<string>(), hosts: new Set<string>() };
  const r = new TextRedactor(found, { hostnames, namespaces });
  const notes: string[] = [];

  const secret = (value: string, field: string, parentKey: string): string => {
    const kind = CERT_SOURCES.has(parentKey) ? 'certificate' : 'private_key';
    const f = field.toLowerCase().includes('bytes') ? 'inline_bytes' : 'inline_string';
    if (isSecretPlaceholder(value, f)) return value;
    r.counts[kind]++;
    const pem = pemPlaceholder(kind, r.secrets.get(value));
    return f === 'inline_bytes' ? encodeBase64Ascii(pem) : pem;
  };

  const credentials = (v: JsonValue): JsonValue => {
    if (typeof v === 'string') {
      // `Bearer <jwt>` keeps its scheme; any other credential is replaced whole.
      const t = r.text(v);
      return t !== v ? t : r.token(v);
    }
    if (Array.isArray(v)) return v.map(credentials);
    if (isObj(v))
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, TYPE_KEYS.has(k) ? x : credentials(x)]),
      );
    return v;
  };

  const walk = (v: JsonValue, key: string): JsonValue => {
    if (typeof v === 'string') return TYPE_KEYS.has(key) ? v : r.text(v, key);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (!isObj(v)) return v;
    const out: JsonObject = {};
    const headerName = headerNameOf(v);
    const isCredentialHeader = headerName !== undefined && CREDENTIAL_HEADER.test(headerName);
    const holdsSecret = CERT_SOURCES.has(key) || KEY_SOURCES.has(key);
    for (const [k, x] of Object.entries(v)) {
      const newKey = FIELD_NAME.test(k) ? k : r.text(k);
      if (holdsSecret && (INLINE as readonly string[]).includes(k) && typeof x === 'string')
        out[newKey] = secret(x, k, key);
      else if (isCredentialHeader && x !== headerName && k !== '@type')
        out[newKey] = credentials(x);
      // A Mixer attribute (`"destination.service.name": {"string_value": ...}`) is read under its name.
      else out[newKey] = walk(x, VALUE_KEYS.has(k) ? key : k);
    }
    return out;
  };

  const json = walk(raw, '');
  if (r.counts.certificate + r.counts.private_key > 0)
    notes.push(
      'certificates and keys were replaced by PEM placeholders: they no longer parse as X.509, so certificate dates and SANs are gone',
    );
  if (hostnames || namespaces)
    notes.push(
      "hostnames and namespaces are replaced where they are ones (FQDNs, Istio cluster names and SNIs, domains, name.namespace, SPIFFE ids, namespace fields, the proxy's workload names); the same word elsewhere (route, cluster or secret names, stat prefixes, Istio config names, service accounts) is kept",
    );
  notes.push(
    'base64 `bytes` payloads other than certificates and keys (e.g. opaque typed_config values) are left as they are',
  );
  return {
    json,
    report: {
      counts: { ...r.counts },
      mapping: {
        ip: { ...r.ipv4.entries(), ...r.ipv6.entries() },
        hostname: r.hosts.entries(),
        namespace: r.namespaces.entries(),
      },
      notes,
    },
  };
}

/**
 * The header an object is about: a `HeaderValue` (`key` + `value`), a `HeaderMatcher` (`name` +
 * a match), or a rate-limit `header_name`. Other named objects (clusters, secrets) are not headers.
 */
function headerNameOf(v: JsonObject): string | undefined {
  if (typeof v.key === 'string' && 'value' in v) return v.key;
  if (typeof v.name === 'string' && Object.keys(v).some((k) => /match$|Match$/.test(k)))
    return v.name;
  const h = v.header_name ?? v.headerName;
  return typeof h === 'string' ? h : undefined;
}
