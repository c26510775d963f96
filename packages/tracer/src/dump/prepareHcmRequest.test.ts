import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../routeRequest';
import { prepareHcmRequest, removeDotSegments } from './prepareHcmRequest';

const req: HttpRequest = {
  authority: 'Reviews.:9080',
  path: '/a/./b/../c//d?x=/../y',
  method: 'GET',
  scheme: 'http',
  headers: [],
};
const hcm = (cfg: object): object => ({ name: 'hcm', typed_config: cfg });

describe('prepareHcmRequest', () => {
  it('removes dot segments (RFC 3986) but leaves the query alone', () => {
    expect(removeDotSegments('/a/b/../../../c')).toBe('/c');
    expect(removeDotSegments('/a/b/..')).toBe('/a/');
    const r = prepareHcmRequest(
      hcm({ normalize_path: true, merge_slashes: true }) as never,
      req,
      9080,
    );
    expect(r.request.path).toBe('/a/c/d?x=/../y');
    expect(r.notes).toHaveLength(2);
  });
  it('strips the host port only as configured', () => {
    expect(prepareHcmRequest(hcm({}) as never, req, 9080).request.authority).toBe('Reviews.:9080');
    expect(
      prepareHcmRequest(hcm({ strip_matching_host_port: true }) as never, req, 9080).request
        .authority,
    ).toBe('Reviews.');
    expect(
      prepareHcmRequest(hcm({ strip_matching_host_port: true }) as never, req, 80).request
        .authority,
    ).toBe('Reviews.:9080');
    expect(
      prepareHcmRequest(
        hcm({ strip_any_host_port: true, strip_trailing_host_dot: true }) as never,
        req,
        80,
      ).request.authority,
    ).toBe('Reviews');
  });
});
