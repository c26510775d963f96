import { has, obj, str } from './fields';
import type { CertificateInfo, JsonObject, ResourceMeta, Secret } from './model';
import { parseInlineCertificates, parsePemCertificates } from './certificate';
import { applyMeta } from './resourceMeta';

function certificatesOf(ds: JsonObject | undefined): CertificateInfo[] {
  if (!ds) return [];
  const bytes = str(ds, 'inline_bytes');
  if (bytes !== undefined) return parseInlineCertificates(bytes);
  const s = str(ds, 'inline_string');
  if (s !== undefined) return parsePemCertificates(s);
  return [];
}

/**
 * Reads an SDS `Secret`. `s` may be absent (a warming secret that never arrived); `name` then
 * comes from the dump entry.
 */
export function parseSecret(s: JsonObject | undefined, name: string, meta: ResourceMeta): Secret {
  const secret: Secret = applyMeta(
    { state: meta.state, name, kind: 'unknown', certificates: [], raw: s ?? null },
    meta,
  );
  if (!s) return secret;
  const tls = obj(s, 'tls_certificate');
  const vc = obj(s, 'validation_context');
  if (tls) {
    secret.kind = 'cert_chain';
    secret.certificates = certificatesOf(obj(tls, 'certificate_chain'));
  } else if (vc) {
    secret.kind = 'ca';
    secret.certificates = certificatesOf(obj(vc, 'trusted_ca'));
  } else if (has(s, 'session_ticket_keys')) {
    secret.kind = 'session_ticket';
  } else if (has(s, 'generic_secret')) {
    secret.kind = 'generic';
  }
  return secret;
}
