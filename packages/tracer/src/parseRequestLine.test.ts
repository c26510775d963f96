import { parseConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { traceDump } from './dump/traceDump';
import { parseRequestLine } from './parseRequestLine';

describe('parseRequestLine', () => {
  it('builds the connection from the URL and the request with headers and random value', () => {
    const r = parseRequestLine('GET http://reviews:9080/reviews/1', {
      headers: ['end-user: jason', '', 'x-multi:  a:b '],
      random: 7,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.input.connection).toEqual({ dstPort: 9080 });
    expect(r.input.request?.headers).toEqual([
      ['end-user', 'jason'],
      ['x-multi', 'a:b'],
    ]);
    expect(r.input.request?.randomValue).toBe(7);
  });

  it('uses an IP host as the destination IP and starts TLS for https', () => {
    const r = parseRequestLine('https://10.0.0.5:8443/x');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.input.connection).toEqual({
      dstPort: 8443,
      dstIp: '10.0.0.5',
      tls: true,
      sni: '10.0.0.5',
    });
    const named = parseRequestLine('https://ratings/', { sni: 'other.example', port: 9443 });
    if (!named.ok) throw new Error(named.error.message);
    expect(named.input.connection).toEqual({ dstPort: 9443, tls: true, sni: 'other.example' });
  });

  it('explicit options win over what the URL implies', () => {
    const r = parseRequestLine('GET http://10.0.0.5/', {
      ip: 'fd00::1',
      direction: 'inbound',
      alpn: ['h2'],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.input.connection).toEqual({
      dstPort: 80,
      dstIp: 'fd00::1',
      direction: 'inbound',
      alpn: ['h2'],
    });
  });

  it('a tcp:// target is a plain connection without a request', () => {
    const r = parseRequestLine('tcp://10.96.0.10:53');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.input.request).toBeUndefined();
    expect(r.input.connection.appProtocol).toBe('tcp');
  });

  it.each([
    ['GET reviews', {}, 'line'],
    ['GET http://reviews/', { headers: ['no colon here'] }, 'headers'],
    ['GET http://reviews/', { headers: [': value'] }, 'headers'],
    ['GET http://reviews/', { port: 70000 }, 'port'],
    ['GET http://reviews/', { port: 1.5 }, 'port'],
    ['GET http://reviews/', { ip: 'reviews' }, 'ip'],
    ['GET http://reviews/', { random: -1 }, 'random'],
    ['GET http://reviews/', { direction: 'sideways' as 'inbound' }, 'direction'],
  ])('"%s" with %j is an error on %s', (line, options, field) => {
    const r = parseRequestLine(line, options);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe(field);
      expect(r.error.message.length).toBeGreaterThan(10);
    }
  });

  it('feeds traceDump: jason and a random value pick different reviews subsets', () => {
    const proxy = generateDemoMesh().proxies.find((p) => p.app === 'productpage');
    if (!proxy) throw new Error('no productpage proxy in the demo mesh');
    const parsed = parseConfigDump(JSON.stringify(proxy.dump));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const trace = (headers: string[]): string[] => {
      const r = parseRequestLine('GET http://reviews:9080/reviews/1', { headers, random: 10 });
      if (!r.ok) throw new Error(r.error.message);
      return traceDump(parsed.dump, r.input).clusters.map((c) => c.name);
    };
    const jason = trace(['end-user: jason']);
    const other = trace([]);
    expect(jason).toHaveLength(1);
    expect(jason[0]).toMatch(/\|v2\|reviews\./);
    expect(other).toHaveLength(1);
    expect(other[0]).toMatch(/\|v[13]\|reviews\./);
  });
});
