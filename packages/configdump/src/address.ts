import { field, isObject, num, obj, str } from './fields';
import type { Address, JsonValue } from './model';

/** Reads an Envoy `core.Address` (socket, pipe or internal). */
export function parseAddress(v: JsonValue | undefined): Address {
  if (!isObject(v)) return { kind: 'unknown' };
  const sock = obj(v, 'socket_address');
  if (sock) {
    // The enum may be printed by name (`UDP`) or by number (1).
    const proto = field(sock, 'protocol');
    return {
      kind: 'socket',
      ip: str(sock, 'address') ?? '',
      port: num(sock, 'port_value'),
      protocol: proto === 'UDP' || proto === 1 ? 'UDP' : 'TCP',
    };
  }
  const pipe = obj(v, 'pipe');
  if (pipe) return { kind: 'pipe', path: str(pipe, 'path') ?? '' };
  const internal = obj(v, 'envoy_internal_address');
  if (internal) {
    const a: Address = {
      kind: 'internal',
      serverListenerName: str(internal, 'server_listener_name') ?? '',
    };
    const endpointId = str(internal, 'endpoint_id');
    if (endpointId !== undefined) a.endpointId = endpointId;
    return a;
  }
  return { kind: 'unknown' };
}
