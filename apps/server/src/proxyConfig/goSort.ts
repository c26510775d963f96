// istioctl sorts with Go's `sort.Slice`, which is not stable and is sometimes given a comparator
// that is not a strict weak order (route names: numeric names compare, all others are never
// "less"). The visible row order then depends on the algorithm. For up to 12 elements Go's pdqsort
// is a plain insertion sort, which we reproduce exactly; above that we fall back to a stable sort,
// which agrees with Go whenever the comparator is a proper order without ties.

/** The insertion-sort threshold of Go's pdqsort (`maxInsertion` in sort/zsortfunc.go). */
const GO_MAX_INSERTION = 12;

/** Sorts `items` (a copy) the way Go's `sort.Slice(items, less)` would for small inputs. */
export function goSortSlice<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
  const out = [...items];
  if (out.length <= GO_MAX_INSERTION) {
    for (let i = 1; i < out.length; i++) {
      for (let j = i; j > 0 && less(out[j] as T, out[j - 1] as T); j--) {
        const tmp = out[j] as T;
        out[j] = out[j - 1] as T;
        out[j - 1] = tmp;
      }
    }
    return out;
  }
  return out.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}
