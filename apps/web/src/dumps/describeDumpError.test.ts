import { describe, expect, it } from 'vitest';
import { describeDumpError } from './describeDumpError';

describe('describeDumpError', () => {
  it('adds the position and the expectation when the message lacks them', () => {
    const text = describeDumpError({
      code: 'invalid_json',
      message: 'Unexpected token in JSON.',
      line: 3,
      column: 14,
      expected: 'a comma or }',
      found: '"x"',
    });
    expect(text).toContain('3:14');
    expect(text).toContain('Expected a comma or }');
    expect(text).toContain('Found "x"');
  });

  it('does not repeat what the message already says', () => {
    const message = 'Invalid JSON at 3:14: expected a comma';
    expect(describeDumpError({ code: 'invalid_json', message, line: 3, column: 14 })).toBe(message);
  });
});
