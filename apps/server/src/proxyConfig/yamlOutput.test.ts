import { describe, expect, it } from 'vitest';
import { toIstioctlYaml } from './yamlOutput';

describe('istioctl -o yaml', () => {
  it('sorts keys, does not indent sequences, quotes like Go yaml.v2, ends with a blank line', () => {
    const yaml = toIstioctlYaml({
      z: [{ b: '1605', a: '2022-12-08T11:03:53.361Z' }],
      '@type': 'x',
      v: '{"k":"v"}',
      plain: '2022-12-08T09:07:09Z/10',
      t: 'true',
    });
    expect(yaml).toBe(
      `'@type': x\nplain: 2022-12-08T09:07:09Z/10\nt: "true"\nv: '{"k":"v"}'\nz:\n- a: "2022-12-08T11:03:53.361Z"\n  b: "1605"\n\n`,
    );
  });
});
