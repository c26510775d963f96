import { DIFF_KINDS, type DiffKind } from './model';

/** Words accepted by `--only`, singular or plural; `routes` means route configs and everything in them. */
const WORDS: Record<string, DiffKind[]> = {
  listener: ['listener'],
  routes: ['route_config', 'virtual_host', 'route'],
  route_config: ['route_config'],
  routeconfig: ['route_config'],
  virtual_host: ['virtual_host'],
  virtualhost: ['virtual_host'],
  vhost: ['virtual_host'],
  route: ['route'],
  cluster: ['cluster'],
  endpoint: ['endpoint'],
  secret: ['secret'],
  extension_config: ['extension_config'],
  extension: ['extension_config'],
  ecds: ['extension_config'],
};

/**
 * `listeners,clusters` -> the kinds to compare, or an error naming the unknown word and the
 * accepted ones.
 */
export function parseDiffKinds(
  text: string,
): { ok: true; kinds: DiffKind[] } | { ok: false; message: string } {
  const kinds = new Set<DiffKind>();
  for (const raw of text.split(',')) {
    const word = raw.trim().toLowerCase().replace(/-/g, '_');
    if (word === '') continue;
    const hit =
      WORDS[word] ??
      (word.endsWith('s') && word !== 'routes' ? WORDS[word.slice(0, -1)] : undefined);
    if (!hit)
      return {
        ok: false,
        message: `unknown kind "${raw.trim()}"; use a comma-separated list of: listeners, routes, route-configs, virtual-hosts, clusters, endpoints, secrets, extension-configs`,
      };
    for (const k of hit) kinds.add(k);
  }
  if (kinds.size === 0) return { ok: false, message: 'no kind given to --only' };
  return { ok: true, kinds: DIFF_KINDS.filter((k) => kinds.has(k)) };
}
