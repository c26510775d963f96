/**
 * Fits a name into `max` characters by cutting the middle: Istio cluster names carry the
 * direction and port at the start and the host at the end, and both matter.
 */
export function shortenLabel(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.4);
  const tail = max - 1 - head;
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`;
}
