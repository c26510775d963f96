import { describe, expect, it } from 'vitest';
import { formatDumpError } from './formatDumpError';

describe('formatDumpError', () => {
  it('puts what, where and why on one line', () => {
    expect(
      formatDumpError({
        code: 'invalid_json',
        message: "Unexpected token '}'",
        line: 3,
        column: 14,
      }),
    ).toBe("invalid JSON at line 3, column 14: Unexpected token '}'");
    expect(formatDumpError({ code: 'invalid_yaml', message: 'bad\n  indentation', line: 2 })).toBe(
      'invalid YAML at line 2: bad indentation',
    );
    expect(
      formatDumpError({
        code: 'invalid_json',
        message: 'Expected double-quoted property name in JSON at position 26 (line 1 column 27)',
        line: 1,
        column: 27,
      }),
    ).toBe('invalid JSON at line 1, column 27: Expected double-quoted property name');
    expect(formatDumpError({ code: 'empty', message: 'the input is empty' })).toBe(
      'empty input: the input is empty',
    );
  });
});
