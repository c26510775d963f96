import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../tests/conformance/fixtures';
import { parseConfigz } from './parseConfigz';
import { parseRegistryz } from './parseRegistryz';

const read = (name: string): string => readFileSync(fixture('istiod-debug', name), 'utf8');

describeFixtures('istiod registryz / configz captures (Kiali test data)', () => {
  it('reads every service of kiali-registryz.json', () => {
    const text = read('kiali-registryz.json');
    const r = parseRegistryz(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength((JSON.parse(text) as unknown[]).length);
    // Hand-checked entries: a Kubernetes service with its VIP, and a ServiceEntry host.
    expect(r.value.find((s) => s.hostname === 'api.openshift-apiserver.svc.cluster.local')).toEqual(
      {
        hostname: 'api.openshift-apiserver.svc.cluster.local',
        name: 'api',
        namespace: 'openshift-apiserver',
        registry: 'Kubernetes',
        ports: [{ name: 'https', port: 443, protocol: 'HTTPS' }],
        address: '10.217.4.108',
        meshExternal: false,
        resolution: 0,
      },
    );
    const msn = r.value.find((s) => s.hostname === '*.msn.com');
    expect(msn).toMatchObject({
      registry: 'External',
      meshExternal: true,
      resolution: 2,
      namespace: 'electronic-shop',
    });
    expect(msn?.ports.map((p) => p.port)).toEqual([80, 443]);
  });

  it('reads every object of kiali-configz.json with its kind', () => {
    const r = parseConfigz(read('kiali-configz.json'));
    if (!r.ok) throw new Error(r.error.message);
    const counts: Record<string, number> = {};
    for (const o of r.value) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
    // Counted by hand in the capture.
    expect(counts).toEqual({
      AuthorizationPolicy: 12,
      DestinationRule: 2,
      EnvoyFilter: 12,
      Gateway: 1,
      Sidecar: 11,
      VirtualService: 3,
    });
    expect(r.value.find((o) => o.kind === 'DestinationRule' && o.name === 'mysqldb')).toMatchObject(
      {
        namespace: 'travel-agency',
        apiVersion: 'networking.istio.io/v1beta1',
      },
    );
  });

  it('rejects the other endpoint shapes', () => {
    expect(parseRegistryz('{"a": 1}').ok).toBe(false);
    expect(parseConfigz('[1,').ok).toBe(false);
  });
});
