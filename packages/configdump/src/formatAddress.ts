import type { Address } from './model';

/**
 * Which text an address is printed as. The views need different ones and their outputs (graph
 * node ids, istioctl tables, trace JSON) are compared against each other, so they all live here:
 * - `url` (default): `172.17.0.4:443`, `[fd00::1]:443`, `unix:///sock`, `envoy://listener/id`, ''.
 * - `istioctl`: istioctl's endpoint column, which joins IPv6 hosts unbracketed (`fd00::1:443`)
 *   and prints `unknown` for an address it cannot read.
 * - `short`: the graph's node-id form: no port when there is none, `unix:/sock`, `?` if unknown.
 * - `trace`: the tracer's form: bracketed IPv6, `unix:/sock`, `internal:<listener>`, `(unknown)`.
 */
export type AddressStyle = 'url' | 'istioctl' | 'short' | 'trace';

const UNKNOWN: Record<AddressStyle, string> = {
  url: '',
  istioctl: 'unknown',
  short: '?',
  trace: '(unknown)',
};

function socketText(ip: string, port: number | undefined, style: AddressStyle): string {
  const bracketed = ip.includes(':') ? `[${ip}]` : ip;
  switch (style) {
    case 'url':
      return `${bracketed}:${port ?? 0}`;
    case 'istioctl':
      return `${ip}:${port ?? 0}`;
    case 'short':
      return port === undefined ? ip : `${ip}:${port}`;
    case 'trace':
      return port === undefined ? ip : `${bracketed}:${port}`;
  }
}

/** An Envoy address as text, in one of the {@link AddressStyle}s (istioctl-like `url` by default). */
export function formatAddress(a: Address, style: AddressStyle = 'url'): string {
  switch (a.kind) {
    case 'socket':
      return socketText(a.ip, a.port, style);
    case 'pipe':
      return style === 'short' || style === 'trace' ? `unix:${a.path}` : `unix://${a.path}`;
    case 'internal': {
      if (style === 'trace') return `internal:${a.serverListenerName}`;
      // `url` keeps an empty endpoint id (`envoy://l/`); the others drop it.
      const withId = style === 'url' ? a.endpointId !== undefined : Boolean(a.endpointId);
      return withId
        ? `envoy://${a.serverListenerName}/${a.endpointId ?? ''}`
        : `envoy://${a.serverListenerName}`;
    }
    case 'unknown':
      return UNKNOWN[style];
  }
}
