import { describe, expect, test } from 'vitest';
import { wrapLabel } from './wrapLabel';

// A monospace stand-in for canvas measurement: 6 px per character, zero-width spaces take none.
const mono = (text: string): number => text.replaceAll('\u200b', '').length * 6;

describe('wrapLabel (Cytoscape text-wrap)', () => {
  test('short lines and explicit newlines are kept as they are', () => {
    expect(wrapLabel('http.8080\nroutes: 3', { wrap: 'wrap', maxWidth: 216 }, mono)).toEqual([
      'http.8080',
      'routes: 3',
    ]);
  });

  test('a long line breaks between words, greedily', () => {
    // 36 px max: six characters per line.
    expect(wrapLabel('aa bb cc dddddddd e', { wrap: 'wrap', maxWidth: 36 }, mono)).toEqual([
      'aa bb',
      'cc',
      'dddddddd',
      'e',
    ]);
  });

  test('overflow-wrap anywhere breaks inside a word', () => {
    expect(wrapLabel('abcdefgh', { wrap: 'wrap', maxWidth: 24, anywhere: true }, mono)).toEqual([
      'abcd',
      'efgh',
    ]);
  });

  test('ellipsis cuts to the width with a trailing ellipsis', () => {
    expect(wrapLabel('outbound|80||reviews', { wrap: 'ellipsis', maxWidth: 60 }, mono)).toEqual([
      'outbound|…',
    ]);
    expect(wrapLabel('short', { wrap: 'ellipsis', maxWidth: 60 }, mono)).toEqual(['short']);
  });

  test('no wrapping: one line, and an empty label has no lines', () => {
    expect(wrapLabel('a b c', { wrap: 'none', maxWidth: 1 }, mono)).toEqual(['a b c']);
    expect(wrapLabel('', { wrap: 'wrap', maxWidth: 100 }, mono)).toEqual([]);
  });
});
