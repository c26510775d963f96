import type { WeightedPick } from './pickWeightedCluster';

/** Sentences explaining a weighted split and, when known, which branch the value selects. */
export function describeWeightedPick(
  pick: WeightedPick,
  value: number | undefined,
  source: string,
): string[] {
  const split = pick.branches
    .map((b) => `${b.name} ${b.weight} (${b.percent.toFixed(1)}%, [${b.from}, ${b.to}))`)
    .join(', ');
  const out = [`Weighted clusters, total weight ${pick.total}: ${split}.`];
  if (pick.total === 0)
    out.push('All weights are 0: Envoy would have rejected this configuration.');
  else if (value === undefined)
    out.push(
      'No random value was given: any branch may be taken with the shown probability (pass a random value to pick one).',
    );
  else if (pick.chosen && pick.point !== undefined)
    out.push(
      `${source} ${value} % ${pick.total} = ${pick.point}, which falls in [${pick.chosen.from}, ${pick.chosen.to}): cluster "${pick.chosen.name}".`,
    );
  return out;
}
