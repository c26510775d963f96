import { isIP } from 'node:net';

/** Why the server refuses to start on the requested host; `undefined` when it may. */
export interface BindRefusal {
  code: 'non_loopback_without_auth';
  message: string;
}

/** True for `localhost`, the whole 127.0.0.0/8 range and `::1` (also in its IPv4-mapped forms). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * Decides whether the server may listen on `host`. A config dump reveals the whole mesh layout,
 * so anything reachable from another machine needs a token, or an explicit `--insecure`.
 */
export function checkBindPolicy(options: {
  host: string;
  authToken?: string | undefined;
  insecure?: boolean | undefined;
}): BindRefusal | undefined {
  if (isLoopbackHost(options.host)) return undefined;
  if (options.authToken !== undefined && options.authToken !== '') return undefined;
  if (options.insecure === true) return undefined;
  return {
    code: 'non_loopback_without_auth',
    message:
      `Refusing to listen on ${options.host}: it is reachable from other machines and anyone who ` +
      'can reach it could read your mesh configuration. Add --auth-token <secret> (every /api call ' +
      'then needs "Authorization: Bearer <secret>"), or --insecure if you really mean it.',
  };
}
