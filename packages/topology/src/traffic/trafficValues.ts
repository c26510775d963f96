// How one sample's rate is added to the source node, destination node and edge (Kiali's
// `graph/protocol.go`). 2xx is never stored: it is the total minus the other classes.
import type { Protocol, ResponseDetail, TrafficEdge, TrafficNode } from './trafficMap';

function add(rates: Map<string, number>, key: string, value: number): void {
  rates.set(key, (rates.get(key) ?? 0) + value);
}

function addResponse(
  responses: Map<string, ResponseDetail>,
  code: string,
  flags: string,
  host: string,
  value: number,
): void {
  let detail = responses.get(code);
  if (!detail) {
    detail = { flags: new Map(), hosts: new Map() };
    responses.set(code, detail);
  }
  // gRPC message metrics carry no flags and series without destination_service carry no host.
  if (flags !== '') add(detail.flags, flags, value);
  if (host !== '') add(detail.hosts, host, value);
}

/** True when a gRPC status (or an HTTP code used for gRPC) is an error. */
export function isGrpcError(code: string): boolean {
  // Istio may report an HTTP code for gRPC: a 3-character code is read as HTTP.
  if (code.length === 3) return code.startsWith('4') || code.startsWith('5');
  return code !== '0';
}

/** One sample of traffic: a rate and how it was answered. */
export interface TrafficSample {
  protocol: Protocol;
  value: number;
  code: string;
  flags: string;
  host: string;
  /** gRPC message metrics: no response classes, only the total and hosts. */
  isMessages?: boolean;
}

/** Adds a sample's rate to the source node, destination node and edge. Zero adds nothing. */
export function addTrafficValues(
  source: TrafficNode,
  dest: TrafficNode,
  edge: TrafficEdge,
  sample: TrafficSample,
): void {
  const { protocol, value, code, flags, host } = sample;
  if (!(value > 0)) return;
  add(source.rates, `${protocol}Out`, value);
  add(dest.rates, `${protocol}In`, value);
  add(edge.rates, protocol, value);
  if (protocol === 'http') {
    const cls = code === '-' ? 'NoResponse' : /^[345]/.test(code) ? `${code[0]}xx` : '';
    if (cls) {
      add(dest.rates, `httpIn${cls}`, value);
      add(edge.rates, `http${cls}`, value);
    }
  } else if (protocol === 'grpc' && !sample.isMessages) {
    if (code === '-') {
      add(dest.rates, 'grpcInNoResponse', value);
      add(edge.rates, 'grpcNoResponse', value);
    } else if (isGrpcError(code)) {
      add(dest.rates, 'grpcInErr', value);
      add(edge.rates, 'grpcErr', value);
    }
  }
  addResponse(edge.responses, code, flags, host, value);
}

/** Adds an edge's totals to its source's outbound rate (`AddOutgoingEdgeToMetadata`). */
export function addOutgoingEdgeRates(node: TrafficNode, edge: TrafficEdge): void {
  const total = edge.rates.get(edge.protocol) ?? 0;
  if (total > 0) add(node.rates, `${edge.protocol}Out`, total);
}

/** Clears a node's outbound rates (`ResetOutgoingMetadata`). */
export function resetOutgoingRates(node: TrafficNode): void {
  for (const p of ['grpcOut', 'httpOut', 'tcpOut']) node.rates.delete(p);
}

/** Adds one edge's rates and responses into another (`AggregateEdgeTraffic`). */
export function aggregateEdgeTraffic(from: TrafficEdge, into: TrafficEdge): void {
  for (const [k, v] of from.rates) add(into.rates, k, v);
  for (const [code, detail] of from.responses) {
    let target = into.responses.get(code);
    if (!target) {
      target = { flags: new Map(), hosts: new Map() };
      into.responses.set(code, target);
    }
    for (const [f, v] of detail.flags) add(target.flags, f, v);
    for (const [h, v] of detail.hosts) add(target.hosts, h, v);
  }
}
