import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** Size, mean luminance (0..255) and a capped count of distinct colours of a PNG file. */
export function imageStats(path: string): {
  width: number;
  height: number;
  meanLuminance: number;
  colours: number;
} {
  const img = PNG.sync.read(readFileSync(path));
  const colours = new Set<number>();
  let sum = 0;
  let n = 0;
  // Sampling every 7th pixel is plenty for "is it blank / is it dark".
  for (let i = 0; i < img.data.length; i += 4 * 7) {
    const r = img.data[i] ?? 0;
    const g = img.data[i + 1] ?? 0;
    const b = img.data[i + 2] ?? 0;
    sum += 0.2126 * r + 0.7152 * g + 0.0722 * b;
    n++;
    if (colours.size < 5000) colours.add((r << 16) | (g << 8) | b);
  }
  return { width: img.width, height: img.height, meanLuminance: sum / n, colours: colours.size };
}
