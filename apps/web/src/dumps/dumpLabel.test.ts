import { describe, expect, it } from 'vitest';
import { uniqueLabel } from './dumpLabel';

describe('uniqueLabel', () => {
  it('keeps a free label and numbers taken ones', () => {
    expect(uniqueLabel('a.json', [])).toBe('a.json');
    expect(uniqueLabel('a.json', ['a.json'])).toBe('a.json (2)');
    expect(uniqueLabel('a.json', ['a.json', 'a.json (2)'])).toBe('a.json (3)');
  });
});
