import type { WeightedCluster } from '@meshlens/configdump';

/** One branch of a weighted split. */
export interface WeightedBranch {
  name: string;
  weight: number;
  /** Share of traffic, 0..100. */
  percent: number;
  /** The half-open interval `[from, to)` of `value % total` that selects this branch. */
  from: number;
  to: number;
}

/** The weighted split and, when a selection value is known, the chosen branch. */
export interface WeightedPick {
  branches: WeightedBranch[];
  total: number;
  chosen?: WeightedBranch;
  /** `value % total`, when a value was given. */
  point?: number;
}

/**
 * Envoy's weighted cluster selection: `total = sum(weights)` (the deprecated `total_weight` is
 * ignored), `point = value % total`, then the first cluster, in config order, whose cumulative
 * interval contains the point. Zero-weight clusters are never chosen.
 */
export function pickWeightedCluster(
  clusters: { name: string; weight: number }[] | WeightedCluster[],
  value: number | undefined,
  weightOverride?: (name: string) => number | undefined,
): WeightedPick {
  const branches: WeightedBranch[] = [];
  let total = 0;
  for (const c of clusters) {
    const w = weightOverride?.(c.name) ?? c.weight;
    branches.push({ name: c.name, weight: w, percent: 0, from: total, to: total + w });
    total += w;
  }
  for (const b of branches) b.percent = total > 0 ? (100 * b.weight) / total : 0;
  const pick: WeightedPick = { branches, total };
  const positive = branches.filter((b) => b.weight > 0);
  // A split with one non-zero branch is no split: the value does not matter.
  if (value === undefined && positive.length === 1 && positive[0]) pick.chosen = positive[0];
  if (value !== undefined && total > 0) {
    const point = value % total;
    pick.point = point;
    const chosen = branches.find((b) => point >= b.from && point < b.to);
    if (chosen) pick.chosen = chosen;
  }
  return pick;
}
