// A re-implementation of the layout rules of Go's `text/tabwriter`, which istioctl uses for every
// `proxy-config` table. istioctl writes rows like "a\tb\tc\n": every tab-terminated cell belongs to a
// column, the last cell of a line (after the final tab) does not. Column widths are computed per
// "column block": a run of consecutive lines that all have a cell in that column. A line with
// fewer cells ends the block, so a blank line separates two independently aligned tables.

/** The tabwriter settings istioctl passes to `tabwriter.Writer.Init` (padding char is always ' '). */
export interface TabwriterOptions {
  /** Minimal cell width including padding. istioctl always uses 0. */
  minwidth: number;
  /** Spaces added after the widest cell of a column: 1 for listener tables, 5 for the others. */
  padding: number;
}

/** One parsed line: the tab-terminated cells plus the trailing text (always the last entry). */
type Line = string[];

/** Go's tabwriter measures cells in runes (code points), not UTF-16 units. */
function runeWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function splitLines(text: string): Line[] {
  const lines = text.split('\n').map((line) => line.split('\t'));
  return lines;
}

/**
 * Lays out `text` exactly as Go's `tabwriter.Writer` configured with `Init(w, minwidth, 8, padding, ' ', 0)`
 * would after `Write(text)` + `Flush()`.
 */
export function tabwrite(text: string, options: TabwriterOptions): string {
  const lines = splitLines(text);
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] ?? [];
      let rendered = '';
      line.forEach((cell, j) => {
        rendered += cell;
        const width = widths[j];
        // Only tab-terminated cells (j < number of known column widths) are padded; the trailing
        // cell is written as is, which is why istioctl rows never end in spaces unless the last
        // column is empty and a tab precedes it.
        if (width !== undefined && j < line.length - 1)
          rendered += ' '.repeat(width - runeWidth(cell));
      });
      out.push(rendered);
    }
  };

  // The recursive column-block formatter of tabwriter.go (`format`), one level per column.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current]?.length ?? 0) - 1) continue;
      // This line has a cell in `column`: print the lines before it, then measure the block.
      writeLines(start, current);
      start = current;
      let width = options.minwidth;
      for (; current < line1; current++) {
        const line = lines[current] ?? [];
        if (column >= line.length - 1) break;
        width = Math.max(width, runeWidth(line[column] ?? '') + options.padding);
      }
      widths.push(width);
      format(start, current);
      widths.pop();
      start = current;
      // `current` now points at the first line after the block; the loop's ++ would skip it.
      current--;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** Renders a header + rows table the way istioctl does: cells joined by tabs, one line per row. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: TabwriterOptions,
): string {
  const text = [header, ...rows].map((cells) => `${cells.join('\t')}\n`).join('');
  return tabwrite(text, options);
}
