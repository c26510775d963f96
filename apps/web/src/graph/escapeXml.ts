const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function allowedInXml(cp: number): boolean {
  if (cp < 0x20) return cp === 0x9 || cp === 0xa || cp === 0xd;
  // A lone surrogate (half of a broken emoji) is its own code point when iterating a string.
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return cp !== 0xfffe && cp !== 0xffff;
}

/**
 * Text safe inside an XML element or a quoted attribute. Config names come from uploaded dumps
 * and can hold anything (`<img onerror=...>`): they must stay text. Characters XML 1.0 forbids
 * (control characters other than tab and newlines, lone surrogates) are dropped so the file
 * always parses.
 */
export function escapeXml(text: string): string {
  return Array.from(text, (c) => (allowedInXml(c.codePointAt(0) ?? 0) ? c : ''))
    .join('')
    .replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
