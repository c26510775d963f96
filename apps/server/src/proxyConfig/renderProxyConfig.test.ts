import { describe, expect, it } from 'vitest';
import { clustersSection, dumpOf, hcm, listenersSection, routesSection } from './dumpOf.testing';
import { renderProxyConfig, type ProxyConfigOptions } from './renderProxyConfig';

const options = (o: Partial<ProxyConfigOptions> = {}): ProxyConfigOptions => ({
  output: 'short',
  verbose: true,
  withHeaders: false,
  now: new Date('2025-01-01T00:00:00Z'),
  filters: { listener: {}, cluster: {}, route: {}, endpoint: {} },
  ...o,
});

const dump = dumpOf(
  clustersSection(
    { name: 'outbound|80||a.default.svc.cluster.local', type: 'EDS', connect_timeout: '1s' },
    { name: 'outbound|80||b.default.svc.cluster.local', type: 'EDS' },
  ),
  listenersSection({
    name: 'l',
    address: { socket_address: { address: '0.0.0.0', port_value: 80 } },
    filter_chains: [{ filters: [hcm({ rds: '80' })] }],
  }),
  routesSection({ name: '80', virtual_hosts: [] }),
);

describe('renderProxyConfig', () => {
  it('-o json prints the filtered resources with protojson keys and no @type', () => {
    const out = renderProxyConfig(
      dump,
      'cluster',
      options({
        output: 'json',
        filters: { listener: {}, cluster: { fqdn: 'a.default' }, route: {}, endpoint: {} },
      }),
    );
    expect(JSON.parse(out.stdout)).toEqual([
      { name: 'outbound|80||a.default.svc.cluster.local', type: 'EDS', connectTimeout: '1s' },
    ]);
    expect(out.stdout).toMatch(/^\[\n {4}\{/);
  });

  it('notes a missing section on stderr and still prints the (empty) table', () => {
    const out = renderProxyConfig(dump, 'secret', options());
    expect(out.stdout).toBe(
      'RESOURCE NAME     TYPE     STATUS     VALID CERT     SERIAL NUMBER     NOT AFTER     NOT BEFORE\n',
    );
    expect(out.notes).toEqual([
      'note: the input has no secrets section; nothing to list for "secret"',
    ]);
  });

  it('`all` joins the sections with blank lines; --with-headers adds banners', () => {
    const plain = renderProxyConfig(dump, 'all', options());
    const headed = renderProxyConfig(dump, 'all', options({ withHeaders: true }));
    expect(plain.stdout.split('\n\n')).toHaveLength(6);
    expect(headed.stdout).toContain('------ CLUSTER INFO ------\n\nNAME ');
    expect(headed.stdout).toContain('\n\n------ ENDPOINTS INFO ------\n\nNAME ');
    expect(plain.stdout).toContain('listener/l ');
    expect(plain.notes).toContain(
      'note: the input has no bootstrap section; nothing to list for "bootstrap"',
    );
  });

  it('--verbose=false gives the compact listener and route tables', () => {
    expect(renderProxyConfig(dump, 'listener', options({ verbose: false })).stdout).toBe(
      'ADDRESSES PORT TYPE\n0.0.0.0   80   HTTP\n',
    );
    expect(renderProxyConfig(dump, 'route', options({ verbose: false })).stdout).toBe(
      'NAME     VIRTUAL HOSTS\n80       0\n',
    );
  });

  it('`all -o json` prints the whole input document it is given', () => {
    const root = { configs: [{ '@type': 'x', dynamic_active_clusters: [] }] };
    const out = renderProxyConfig(dump, 'all', options({ output: 'json', rawRoot: root }));
    expect(JSON.parse(out.stdout)).toEqual({
      configs: [{ '@type': 'x', dynamicActiveClusters: [] }],
    });
  });
});
