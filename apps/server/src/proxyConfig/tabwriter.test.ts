import { describe, expect, it } from 'vitest';
import { renderTable, tabwrite } from './tabwriter';

const wide = { minwidth: 0, padding: 5 };

describe('tabwrite (Go text/tabwriter semantics)', () => {
  it('pads every tab-terminated cell to the column width + padding, leaves the last cell alone', () => {
    expect(tabwrite('A\tBB\tC\nxxx\ty\tzzzz\n', wide)).toBe(
      'A       BB     C\nxxx     y      zzzz\n',
    );
  });

  it('pads an empty cell before a tab but writes nothing for an empty last cell', () => {
    // istioctl's cluster rows end in "\t<empty DESTINATION RULE>": trailing spaces, no text.
    expect(tabwrite('TYPE\tDR\nEDS\t\n', wide)).toBe('TYPE     DR\nEDS      \n');
  });

  it('measures width in code points, as Go counts runes', () => {
    expect(tabwrite('é\tx\nab\ty\n', { minwidth: 0, padding: 1 })).toBe('é  x\nab y\n');
  });

  it('honours minwidth', () => {
    expect(tabwrite('a\tb\n', { minwidth: 4, padding: 1 })).toBe('a   b\n');
  });

  it('aligns a column only over consecutive lines that have it (column blocks)', () => {
    const text = 'a\tb\tc\nlonger\td\n\nx\ty\n';
    // Line 3 is blank (one cell), so "x" starts a new block and is not widened by "longer".
    expect(tabwrite(text, { minwidth: 0, padding: 1 })).toBe('a      b c\nlonger d\n\nx y\n');
  });

  it('keeps a final line without newline as is (no newline added)', () => {
    expect(tabwrite('a\tb\nc\td', { minwidth: 0, padding: 1 })).toBe('a b\nc d');
  });

  it('renderTable writes header and rows, one line each', () => {
    expect(renderTable(['N', 'V'], [['15004', '2']], wide)).toBe('N         V\n15004     2\n');
  });
});
