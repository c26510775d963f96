/** Measures the width of one line of text in px, in the label's font. */
export type MeasureText = (text: string) => number;

/** Cytoscape's `text-wrap` and `text-overflow-wrap` for one label. */
export interface WrapOptions {
  wrap: 'none' | 'wrap' | 'ellipsis';
  /** `text-max-width` in px. */
  maxWidth: number;
  /** `text-overflow-wrap: anywhere` lets a line break between any two characters. */
  anywhere?: boolean;
}

const zwsp = '\u200b';

/**
 * The lines Cytoscape's canvas draws for a label: the same greedy algorithm as its renderer
 * (explicit newlines first, then words that would pass `maxWidth` start a new line; a single
 * word wider than the limit overflows), so an export shows the labels exactly as the screen.
 */
export function wrapLabel(text: string, opts: WrapOptions, measure: MeasureText): string[] {
  if (text === '') return [];
  if (opts.wrap === 'ellipsis') return [ellipsise(text, opts.maxWidth, measure)];
  if (opts.wrap !== 'wrap') return [text.replace(/\n/g, ' ')];
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = opts.anywhere ? raw.split('').join(zwsp) : raw;
    if (measure(raw) <= opts.maxWidth) {
      out.push(line);
      continue;
    }
    let current = '';
    let previous = 0;
    // The final empty match at the end of the string flushes the last word.
    for (const m of line.matchAll(/[\s\u200b]+|$/g)) {
      const separator = m[0];
      const word = line.substring(previous, m.index);
      previous = m.index + separator.length;
      const candidate = current.length === 0 ? word : current + word + separator;
      if (measure(candidate) <= opts.maxWidth) current += word + separator;
      else {
        if (current) out.push(current);
        current = word + separator;
      }
      if (separator === '') break;
    }
    if (!/^[\s\u200b]*$/.test(current)) out.push(current);
  }
  // Zero-width spaces only exist to allow breaks; they would show as boxes in some viewers.
  return out.map((l) => l.replaceAll(zwsp, '').replace(/\s+$/, ''));
}

function ellipsise(text: string, maxWidth: number, measure: MeasureText): string {
  if (measure(text) < maxWidth) return text;
  let kept = '';
  for (const ch of text) {
    if (measure(`${kept}${ch}…`) > maxWidth) break;
    kept += ch;
  }
  return kept.length === text.length ? kept : `${kept}…`;
}
