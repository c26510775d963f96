import type { GraphNodeKind } from '@meshlens/proxy-graph';

/** Explicit colours for Cytoscape, which cannot read CSS variables. `bg` is styles.css `--panel`. */
export interface GraphPalette {
  bg: string;
  fg: string;
  muted: string;
  edge: string;
  accent: string;
  danger: string;
  /** Border colour per node kind; fills are a light (or dark) tint of it. */
  kind: Record<GraphNodeKind, string>;
  fill: Record<GraphNodeKind, string>;
}

const kindColours: Record<GraphNodeKind, string> = {
  listener: '#2563eb',
  filter_chain: '#7c3aed',
  route_config: '#0891b2',
  virtual_host: '#0d9488',
  route: '#16a34a',
  cluster: '#ea580c',
  endpoint: '#64748b',
  secret: '#be185d',
  group: '#475569',
  ghost: '#dc2626',
  terminal: '#a16207',
};

const kindColoursDark: Record<GraphNodeKind, string> = {
  listener: '#60a5fa',
  filter_chain: '#a78bfa',
  route_config: '#22d3ee',
  virtual_host: '#2dd4bf',
  route: '#4ade80',
  cluster: '#fb923c',
  endpoint: '#94a3b8',
  secret: '#f472b6',
  group: '#cbd5e1',
  ghost: '#f87171',
  terminal: '#facc15',
};

/** Mixes a `#rrggbb` colour with another by `t` (0 = a, 1 = b). */
function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa
    .map((v, i) =>
      Math.round(v + ((pb[i] ?? 0) - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function fills(
  colours: Record<GraphNodeKind, string>,
  base: string,
  t: number,
): Record<GraphNodeKind, string> {
  const out = { ...colours };
  for (const k of Object.keys(out) as GraphNodeKind[]) out[k] = mix(colours[k], base, t);
  return out;
}

/** The palette of a theme. */
export function graphPalette(theme: 'light' | 'dark'): GraphPalette {
  if (theme === 'dark') {
    const bg = '#171c24';
    return {
      bg,
      fg: '#dbe2ea',
      muted: '#8a96a6',
      edge: '#5d6b7e',
      accent: '#5b93f5',
      danger: '#f06b73',
      kind: kindColoursDark,
      fill: fills(kindColoursDark, bg, 0.82),
    };
  }
  const bg = '#ffffff';
  return {
    bg,
    fg: '#1b2430',
    muted: '#5f6b7a',
    edge: '#9aa5b4',
    accent: '#2f6fde',
    danger: '#c62f3a',
    kind: kindColours,
    fill: fills(kindColours, bg, 0.9),
  };
}
