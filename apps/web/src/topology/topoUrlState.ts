// The topology page's part of the URL (`?topo&t.mode=both&t.find=rps>1...`): survives reloads and
// can be shared. Defaults are omitted to keep URLs short.

/** Config graph, traffic graph, or traffic with the config laid over it. */
export type TopoMode = 'config' | 'traffic' | 'both';
/** Kiali's graph types. */
export type TopoGraphType = 'app' | 'versionedApp' | 'workload' | 'service';
/** Layouts: layered (dagre), grid, concentric. */
export type TopoLayout = 'layered' | 'grid' | 'concentric';
/** What edges are labelled with. */
export type TopoEdgeLabel = 'none' | 'rps' | 'errors' | 'p95' | 'bytes';

export const topoModes: readonly TopoMode[] = ['config', 'traffic', 'both'];
export const topoGraphTypes: readonly TopoGraphType[] = [
  'app',
  'versionedApp',
  'workload',
  'service',
];
export const topoLayouts: readonly TopoLayout[] = ['layered', 'grid', 'concentric'];
export const topoEdgeLabels: readonly TopoEdgeLabel[] = ['none', 'rps', 'errors', 'p95', 'bytes'];
export const topoDurations: readonly string[] = ['1m', '5m', '10m', '30m', '1h', '3h'];

/** The page's state. */
export interface TopoUrlState {
  open: boolean;
  mode: TopoMode;
  graphType: TopoGraphType;
  duration: string;
  layout: TopoLayout;
  edgeLabels: TopoEdgeLabel;
  find: string;
  hide: string;
  /** Namespaces to draw (empty = all the config knows). */
  namespaces: string[];
  /** Collapsed box ids. */
  collapsed: string[];
}

export const defaultTopoUrlState: TopoUrlState = {
  open: false,
  mode: 'config',
  graphType: 'versionedApp',
  duration: '1m',
  layout: 'layered',
  edgeLabels: 'rps',
  find: '',
  hide: '',
  namespaces: [],
  collapsed: [],
};

const k = {
  open: 'topo',
  mode: 't.mode',
  graphType: 't.gt',
  duration: 't.dur',
  layout: 't.layout',
  edgeLabels: 't.labels',
  find: 't.find',
  hide: 't.hide',
  namespaces: 't.ns',
  collapsed: 't.c',
} as const;

/** Every query key the page owns. */
export const topoUrlKeys: readonly string[] = Object.values(k);

function pick<T extends string>(list: readonly T[], v: string | null, d: T): T {
  return list.find((x) => x === v) ?? d;
}

const list = (v: string | null): string[] => (v ? v.split(',').filter(Boolean) : []);

/** Reads the state; bad values fall back to defaults. */
export function decodeTopoUrlState(params: URLSearchParams): TopoUrlState {
  const d = defaultTopoUrlState;
  return {
    open: params.has(k.open),
    mode: pick(topoModes, params.get(k.mode), d.mode),
    graphType: pick(topoGraphTypes, params.get(k.graphType), d.graphType),
    duration: pick(topoDurations, params.get(k.duration), d.duration),
    layout: pick(topoLayouts, params.get(k.layout), d.layout),
    edgeLabels: pick(topoEdgeLabels, params.get(k.edgeLabels), d.edgeLabels),
    find: params.get(k.find) ?? '',
    hide: params.get(k.hide) ?? '',
    namespaces: list(params.get(k.namespaces)),
    collapsed: list(params.get(k.collapsed)),
  };
}

/** Writes the state into `params` (removing the page's keys first). */
export function encodeTopoUrlState(s: TopoUrlState, params: URLSearchParams): void {
  for (const key of topoUrlKeys) params.delete(key);
  if (!s.open) return;
  const d = defaultTopoUrlState;
  params.set(k.open, '');
  if (s.mode !== d.mode) params.set(k.mode, s.mode);
  if (s.graphType !== d.graphType) params.set(k.graphType, s.graphType);
  if (s.duration !== d.duration) params.set(k.duration, s.duration);
  if (s.layout !== d.layout) params.set(k.layout, s.layout);
  if (s.edgeLabels !== d.edgeLabels) params.set(k.edgeLabels, s.edgeLabels);
  if (s.find) params.set(k.find, s.find);
  if (s.hide) params.set(k.hide, s.hide);
  if (s.namespaces.length) params.set(k.namespaces, s.namespaces.join(','));
  if (s.collapsed.length) params.set(k.collapsed, s.collapsed.join(','));
}
