import { parseConfigDump } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { describeDumpError } from './describeDumpError';

describe('describeDumpError', () => {
  it('gives the position as line:column for a real JSON syntax error', () => {
    const res = parseConfigDump('{\n  "configs": [\n    {"a": 1,,}\n  ]\n}', {
      fileName: 'bad.json',
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const text = describeDumpError(res.error);
    expect(res.error.line).toBe(3);
    expect(text).toContain(`3:${res.error.column}`);
    expect(text.toLowerCase()).toContain('json');
  });

  it('adds expected and found when the model gives them', () => {
    const text = describeDumpError({
      code: 'not_a_config_dump',
      message: 'This is not an Envoy config dump',
      expected: 'an object with "configs"',
      found: 'an array of strings',
    });
    expect(text).toContain('Expected an object with "configs".');
    expect(text).toContain('Found an array of strings.');
    expect(text).not.toContain('line:column');
  });
});
