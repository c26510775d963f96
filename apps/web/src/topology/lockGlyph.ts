// The mTLS lock on edges: the emoji when the browser has a font for it, else the word (a missing
// glyph draws as an empty box on the canvas and in the export).

const LOCK = '\u{1F512}';

let cached: string | undefined;

/** `🔒` when it renders, `mTLS` otherwise (measured once on a canvas). */
export function lockGlyph(): string {
  if (cached !== undefined) return cached;
  cached = 'mTLS';
  try {
    const ctx = document.createElement('canvas').getContext('2d');
    if (ctx) {
      ctx.font = '12px sans-serif';
      // An unassigned code point draws the same "missing glyph" box a font-less lock would.
      const missing = ctx.measureText('\u{10FFFD}').width;
      if (ctx.measureText(LOCK).width !== missing) cached = LOCK;
    }
  } catch {
    // No canvas (tests): the word.
  }
  return cached;
}
