/** The mesh root CA and per-pod workload certificates, deterministic from the mesh seed. */
import type { DemoMesh, DemoPod } from '../model';
import { createRandom } from '../random';
import { generateCertificate, type GeneratedCertificate } from './certificate';

const HOUR = 3_600_000;

/** Root CA (`O=cluster.local`, self-issued), valid from 1 hour before `now` for 10 years. */
export function rootCertificate(mesh: DemoMesh): GeneratedCertificate & { keyId: Uint8Array } {
  const random = createRandom(mesh.seed).fork('root-ca');
  const now = Date.parse(mesh.now);
  const keyId = random.bytes(20);
  const notAfter = new Date(now - HOUR);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  const cert = generateCertificate(
    {
      subjectOrganization: mesh.trustDomain,
      issuerOrganization: mesh.trustDomain,
      notBefore: new Date(now - HOUR),
      notAfter,
      uriSans: [],
      isCa: true,
      keyId,
    },
    random,
  );
  return { ...cert, keyId };
}

/** A pod's workload certificate: empty subject, SPIFFE URI SAN, valid 1 hour ago to 24 hours from now. */
export function workloadCertificate(
  mesh: DemoMesh,
  pod: DemoPod,
  rootKeyId: Uint8Array,
): GeneratedCertificate {
  const random = createRandom(mesh.seed).fork(`cert:${pod.namespace}/${pod.name}`);
  const now = Date.parse(mesh.now);
  return generateCertificate(
    {
      issuerOrganization: mesh.trustDomain,
      notBefore: new Date(now - HOUR),
      notAfter: new Date(now + 24 * HOUR),
      uriSans: [`spiffe://${mesh.trustDomain}/ns/${pod.namespace}/sa/${pod.serviceAccount}`],
      isCa: false,
      keyId: random.bytes(20),
      issuerKeyId: rootKeyId,
    },
    random,
  );
}
