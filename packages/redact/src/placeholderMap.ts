import { stableHash } from './stableHash';

/**
 * Original -> placeholder, one-to-one. Placeholders come from a hash of the original, so the same
 * value gets the same placeholder in every dump; a collision takes the next candidate (hash of
 * the original with a new seed), so two originals never share a placeholder.
 */
export class PlaceholderMap {
  private readonly forward = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly make: (hash: number) => string) {}

  get(original: string): string {
    const known = this.forward.get(original);
    if (known !== undefined) return known;
    let seed = 0x811c9dc5;
    let candidate = this.make(stableHash(original, seed));
    while (this.taken.has(candidate) || candidate === original) {
      seed = (seed + 0x9e3779b1) >>> 0;
      candidate = this.make(stableHash(original, seed));
    }
    this.forward.set(original, candidate);
    this.taken.add(candidate);
    return candidate;
  }

  /** The mapping so far, in first-use order. */
  entries(): Record<string, string> {
    return Object.fromEntries(this.forward);
  }
}
