/**
 * Team namespaces of the generated services: a real mesh of a thousand services is split into
 * namespaces of a few dozen services each (one per team), not one flat namespace.
 */
import type { Random } from './random';

/** Fewest and most generated services per team namespace. */
export const TEAM_NAMESPACE_MIN = 25;
export const TEAM_NAMESPACE_MAX = 50;

// Real-looking team names; past the end of the list they repeat with a `-2`, `-3`... suffix.
const TEAMS = [
  'payments',
  'checkout',
  'catalog',
  'search',
  'identity',
  'orders',
  'shipping',
  'inventory',
  'pricing',
  'storefront',
  'notifications',
  'billing',
  'accounts',
  'recommendations',
  'analytics',
  'media',
  'messaging',
  'fraud',
  'loyalty',
  'support',
  'marketing',
  'partners',
  'logistics',
  'returns',
  'ads',
  'content',
  'geo',
  'risk',
  'ledger',
  'onboarding',
];

/** Name of the i-th (0-based) team namespace. */
export function teamNamespaceName(i: number): string {
  const base = TEAMS[i % TEAMS.length] ?? 'team';
  const round = Math.floor(i / TEAMS.length);
  return round === 0 ? base : `${base}-${round + 1}`;
}

/**
 * The namespace of each of `count` generated services, in order: consecutive runs of
 * 25-50 services (sizes from the seed) share a namespace. A last run shorter than the minimum
 * joins the one before it, so every namespace of a large mesh has at least 25 services.
 */
export function teamNamespaces(random: Random, count: number): string[] {
  const sizes: number[] = [];
  let left = count;
  while (left > 0) {
    const size = Math.min(left, random.int(TEAM_NAMESPACE_MIN, TEAM_NAMESPACE_MAX));
    sizes.push(size);
    left -= size;
  }
  const last = sizes[sizes.length - 1];
  if (sizes.length > 1 && last !== undefined && last < TEAM_NAMESPACE_MIN) {
    sizes.pop();
    sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + last;
  }
  return sizes.flatMap((size, i) => new Array<string>(size).fill(teamNamespaceName(i)));
}
