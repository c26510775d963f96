import { type Address, formatAddress as formatInStyle } from '@meshlens/configdump';

/**
 * The graph's short, stable text for an Envoy address (`10.0.0.1:9080`, `unix:/path`,
 * `envoy://listener/id`): the `short` style of @meshlens/configdump, used in node ids.
 */
export function formatAddress(address: Address): string {
  return formatInStyle(address, 'short');
}
