import type { FilterChain, Listener } from '@meshlens/configdump';
import { describeChainDestination } from './describeChainDestination';
import { describeChainMatch } from './describeChainMatch';
import { listenerAddresses, listenerPort } from './listenerAddress';
import { listenerType } from './listenerType';

/** A row of the compact `proxy-config listener` table (`--verbose=false`): one per listener. */
export interface ListenerSummaryRow {
  /** Envoy `Listener.name`. */
  name: string;
  /** ADDRESSES: the listener address and its `additional_addresses`, comma-separated. */
  addresses: string;
  /** PORT: the socket port, 0 for internal listeners and pipes. */
  port: number;
  /** TYPE: HTTP, TCP, HTTP+TCP or UNKNOWN. */
  type: string;
}

/** A row of the verbose `proxy-config listener` table: one per filter chain. */
export interface ListenerChainRow {
  /** Envoy `Listener.name`. */
  name: string;
  /** ADDRESSES, as in {@link ListenerSummaryRow}. */
  addresses: string;
  /** PORT, as in {@link ListenerSummaryRow}. */
  port: number;
  /** MATCH: the chain's `filter_chain_match` as istioctl words it, `ALL` when empty. */
  match: string;
  /** DESTINATION: route config, inline route or cluster of the chain. */
  destination: string;
  /** The filter chain the row describes (callers link or sort by it). */
  chain: FilterChain;
}

/** The compact row of one listener. */
export function listenerSummaryRow(listener: Listener): ListenerSummaryRow {
  return {
    name: listener.name,
    addresses: listenerAddresses(listener),
    port: listenerPort(listener),
    type: listenerType(listener),
  };
}

/** The verbose rows of one listener, in filter-chain order with the default chain last. */
export function listenerChainRows(listener: Listener): ListenerChainRow[] {
  const addresses = listenerAddresses(listener);
  const port = listenerPort(listener);
  const chains = listener.defaultFilterChain
    ? [...listener.filterChains, listener.defaultFilterChain]
    : listener.filterChains;
  return chains.map((chain) => ({
    name: listener.name,
    addresses,
    port,
    match: describeChainMatch(chain),
    destination: describeChainDestination(chain),
    chain,
  }));
}
