/** SDS: the `default` (workload cert chain) and `ROOTCA` (mesh root) secrets of a proxy. */
import type { JsonObject } from '@meshlens/configdump';
import { pemInlineBytes } from '../cert/certificate';
import { rootCertificate, workloadCertificate } from '../cert/meshCertificates';
import type { DemoMesh, DemoPod } from '../model';
import type { Stamps } from './shared';
import { TYPE } from './shared';

/** Envoy redacts private keys in config dumps: base64 of `[redacted]`. */
const REDACTED = 'W3JlZGFjdGVkXQ==';

/** The `SecretsConfigDump` of a pod's proxy. */
export function secretsSection(mesh: DemoMesh, pod: DemoPod, stamps: Stamps): JsonObject {
  const root = rootCertificate(mesh);
  const workload = workloadCertificate(mesh, pod, root.keyId);
  return {
    '@type': TYPE.secretsDump,
    dynamic_active_secrets: [
      {
        name: 'default',
        version_info: stamps.bootstrapUpdated,
        last_updated: stamps.bootstrapUpdated,
        secret: {
          '@type': TYPE.secret,
          name: 'default',
          tls_certificate: {
            certificate_chain: { inline_bytes: pemInlineBytes([workload.pem, root.pem]) },
            private_key: { inline_bytes: REDACTED },
          },
        },
      },
      {
        name: 'ROOTCA',
        version_info: stamps.bootstrapUpdated,
        last_updated: stamps.bootstrapUpdated,
        secret: {
          '@type': TYPE.secret,
          name: 'ROOTCA',
          validation_context: { trusted_ca: { inline_bytes: pemInlineBytes([root.pem]) } },
        },
      },
    ],
  };
}
