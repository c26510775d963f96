import { type ProxyHealth, proxyHealths } from './proxyHealth';

/** The mesh page's part of the URL: which page, what the list shows, which proxy, whether its diff is open. */
export interface MeshUrlState {
  /** The mesh page is showing (instead of a dump). */
  open: boolean;
  /** Free-text filter over name, namespace, type, version, istiod and states. */
  filter: string;
  /** Only proxies in this health (`all` = every proxy). */
  health: ProxyHealth | 'all';
  /** Id (`<pod>.<namespace>`) of the selected proxy. */
  proxy?: string;
  /** The istiod vs Envoy diff of the selected proxy is open. */
  diff: boolean;
  /** An uploaded bug-report archive (`br1`...) instead of the server's live mesh. */
  upload?: string;
}

export const defaultMeshUrlState: MeshUrlState = {
  open: false,
  filter: '',
  health: 'all',
  diff: false,
};

const keys = {
  open: 'mesh',
  filter: 'm.q',
  health: 'm.s',
  proxy: 'm.p',
  diff: 'm.d',
  upload: 'm.src',
};

/** Reads the mesh state from query parameters; bad values fall back to defaults. */
export function decodeMeshUrlState(params: URLSearchParams): MeshUrlState {
  const health = params.get(keys.health);
  const state: MeshUrlState = {
    open: params.has(keys.open),
    filter: params.get(keys.filter) ?? '',
    health: proxyHealths.find((h) => h === health) ?? 'all',
    diff: params.get(keys.diff) === '1',
  };
  const proxy = params.get(keys.proxy);
  if (proxy) state.proxy = proxy;
  const upload = params.get(keys.upload);
  if (upload && /^br\d+$/.test(upload)) state.upload = upload;
  return state;
}

/** The query parameters of a mesh state; defaults are omitted. */
export function encodeMeshUrlState(s: MeshUrlState): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.open) out[keys.open] = '';
  if (s.filter) out[keys.filter] = s.filter;
  if (s.health !== 'all') out[keys.health] = s.health;
  if (s.proxy) out[keys.proxy] = s.proxy;
  if (s.diff && s.proxy) out[keys.diff] = '1';
  if (s.upload) out[keys.upload] = s.upload;
  return out;
}

/** The mesh state when the query has any of it; `undefined` when it is all defaults. */
export function decodeMeshParams(params: URLSearchParams): MeshUrlState | undefined {
  const state = decodeMeshUrlState(params);
  return Object.keys(encodeMeshUrlState(state)).length > 0 ? state : undefined;
}
