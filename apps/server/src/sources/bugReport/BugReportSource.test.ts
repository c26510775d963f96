import { parseConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { demoClusterStatuses } from '../demo/envoyAdminData';
import { demoRegistryz, demoSyncz, proxyIdOf } from '../demo/istiodDebugData';
import { BugReportSource } from './BugReportSource';
import { writeTarGz } from './writeTar.testing';

const mesh = generateDemoMesh();
const [first, ...rest] = mesh.proxies;

/** An archive laid out like istioctl bug-report's, from the demo mesh (two proxy layouts mixed). */
function simulatedBugReport(): Buffer {
  const files: Record<string, string> = {
    'bug-report/istio/istio-system/istiod-5d9c-abcde/debug/syncz': JSON.stringify(demoSyncz(mesh)),
    'bug-report/istio/istio-system/istiod-5d9c-abcde/debug/registryz': JSON.stringify(
      demoRegistryz(mesh),
    ),
    'bug-report/cluster-context.txt': 'kind-demo\n',
    // The first proxy in the older `proxies/<ns>/<pod>/` layout, with a /clusters capture.
    [`bug-report/proxies/${first!.namespace}/${first!.podName}/config_dump`]: JSON.stringify(
      first!.dump,
      null,
      2,
    ),
    [`bug-report/proxies/${first!.namespace}/${first!.podName}/clusters.json`]: JSON.stringify(
      demoClusterStatuses(
        (parseConfigDump(JSON.stringify(first!.dump)) as { ok: true; dump: never }).dump,
        100,
      ),
    ),
  };
  for (const p of rest) {
    files[
      `bug-report/cluster/${mesh.clusterId}/${p.namespace}/${p.podName}/istio-proxy/config_dump.json`
    ] = JSON.stringify(p.dump, null, 2);
  }
  return writeTarGz(files);
}

describe('BugReportSource on a simulated bug-report built from the demo mesh', () => {
  const opened = BugReportSource.fromBuffer(simulatedBugReport(), 'demo-bug-report.tar.gz');
  if (!opened.ok) throw new Error(opened.error.message);
  const source = opened.value;

  it('lists every proxy, with sync states and istiod from the archived syncz', async () => {
    const list = await source.listProxies();
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.value.warnings).toEqual([]);
    expect(list.value.proxies.map((p) => p.id)).toEqual(mesh.proxies.map(proxyIdOf).sort());
    expect(
      list.value.proxies.every(
        (p) => p.istiod === 'istiod-5d9c-abcde' && p.istioVersion === '1.24.2',
      ),
    ).toBe(true);
    const stale = list.value.proxies.filter((p) => p.sync?.CDS === 'STALE');
    expect(stale.map((p) => p.name)).toEqual([expect.stringMatching(/^reviews-v2-/)]);
    expect(list.value.proxies.find((p) => p.namespace === 'istio-system')?.type).toBe('router');
  });

  it('returns each proxy its own config dump', async () => {
    for (const p of mesh.proxies) {
      const dump = await source.getConfigDump(proxyIdOf(p));
      if (!dump.ok) throw new Error(dump.error.message);
      expect(`${dump.value.dump.node?.podName}.${dump.value.dump.node?.namespace}`).toBe(
        proxyIdOf(p),
      );
      expect(JSON.parse(dump.value.text)).toEqual(p.dump);
    }
  });

  it('reads archived /clusters JSON, and says when there is none', async () => {
    const clusters = await source.getClusterStatuses(proxyIdOf(first!));
    expect(clusters.ok && JSON.stringify(clusters.value)).toContain('cluster_statuses');
    const none = await source.getClusterStatuses(proxyIdOf(rest[0]!));
    expect(none.ok ? 'ok' : none.error.kind).toBe('not_found');
    const unknown = await source.getConfigDump('ghost-1.nowhere');
    expect(unknown.ok ? 'ok' : unknown.error.message).toContain('no proxy "ghost-1.nowhere"');
  });

  it('cannot know what istiod would send (not_available), and describes itself', async () => {
    const r = await source.getIstiodConfigDump(proxyIdOf(first!));
    expect(r.ok ? 'ok' : r.error.kind).toBe('not_available');
    expect(source.describe()).toMatchObject({
      kind: 'bug-report',
      targets: ['demo-bug-report.tar.gz'],
    });
    expect(source.describe().summary).toContain(`${mesh.proxies.length} proxy dumps, 1 istiod`);
  });

  it("reads istiod's archived registryz, and says when configz is missing", async () => {
    const services = await source.getServices();
    expect(services.ok && services.value.map((x) => x.hostname)).toContain(
      'ratings.bookinfo.svc.cluster.local',
    );
    const config = await source.getIstioConfig();
    expect(config.ok ? 'ok' : config.error.message).toBe('the archive has no istiod configz');
  });
});

describe('BugReportSource errors', () => {
  it('rejects a file that is not an archive', () => {
    const r = BugReportSource.fromBuffer(Buffer.from('hello'), 'x.tar.gz');
    expect(r.ok ? 'ok' : r.error.kind).toBe('malformed');
  });
  it('rejects an archive without proxies or istiod outputs', () => {
    const r = BugReportSource.fromBuffer(
      writeTarGz({ 'bug-report/readme.txt': 'hi' }),
      'empty.tar.gz',
    );
    expect(r.ok ? 'ok' : r.error.message).toMatch(
      /no proxy config dump and no istiod syncz in the archive \(1 files\)/,
    );
  });
  it('reports a missing file as io', async () => {
    const r = await BugReportSource.open('/nonexistent/br.tar.gz');
    expect(r.ok ? 'ok' : r.error).toMatchObject({ kind: 'io', message: 'no such file' });
  });
});
