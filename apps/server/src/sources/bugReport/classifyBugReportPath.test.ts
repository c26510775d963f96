import { describe, expect, it } from 'vitest';
import { classifyBugReportPath } from './classifyBugReportPath';

describe('classifyBugReportPath', () => {
  it('finds proxy dumps with or without a container folder and extension', () => {
    expect(
      classifyBugReportPath(
        'bug-report/cluster/Kubernetes/bookinfo/ratings-v1-x/istio-proxy/config_dump.json',
      ),
    ).toEqual({
      kind: 'proxy_config_dump',
      pod: 'ratings-v1-x',
      namespace: 'bookinfo',
    });
    expect(classifyBugReportPath('bug-report/proxies/default/sleep-1/config_dump')).toEqual({
      kind: 'proxy_config_dump',
      pod: 'sleep-1',
      namespace: 'default',
    });
    expect(classifyBugReportPath('x/ns/pod/clusters.json')).toEqual({
      kind: 'proxy_clusters',
      pod: 'pod',
      namespace: 'ns',
    });
  });

  it('finds istiod debug outputs and names the istiod pod', () => {
    expect(
      classifyBugReportPath('bug-report/istio/istio-system/istiod-7f-abc/debug/syncz'),
    ).toEqual({
      kind: 'istiod_debug',
      what: 'syncz',
      istiod: 'istiod-7f-abc',
    });
    expect(classifyBugReportPath('istiod-2/registryz.json')).toEqual({
      kind: 'istiod_debug',
      what: 'registryz',
      istiod: 'istiod-2',
    });
  });

  it("ignores everything else, including istiod's own debug/config_dump", () => {
    expect(
      classifyBugReportPath('bug-report/istio/istio-system/istiod-1/debug/config_dump'),
    ).toEqual({ kind: 'other' });
    expect(classifyBugReportPath('bug-report/proxies/default/sleep-1/stats')).toEqual({
      kind: 'other',
    });
  });
});
