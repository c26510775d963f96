/** The L4 connection a trace starts from (envoy-routing.md §2.1). */
export interface ConnectionInput {
  /**
   * `outbound`: an app in the pod dials out (iptables -> 15001); `inbound`: traffic to the pod
   * (iptables -> 15006); `direct`: the client connects straight to a bound listener (gateways,
   * plain Envoy). Default: from the proxy type (sidecar -> outbound, else direct).
   */
  direction?: 'outbound' | 'inbound' | 'direct';
  /** Original destination IP. Unknown (a short host name) means "assume the wildcard listener". */
  dstIp?: string;
  dstPort: number;
  /** Peer address; unknown matches only catch-all source ranges. */
  srcIp?: string;
  srcPort?: number;
  /** The client starts with a TLS ClientHello. */
  tls?: boolean;
  /** SNI of the ClientHello. */
  sni?: string;
  /** ALPN offered by the client, in order. */
  alpn?: string[];
  /** For plaintext: what the client speaks (`http/1.1`, `http/1.0`, `h2c`, or `tcp`). Default `http/1.1`. */
  appProtocol?: 'http/1.1' | 'http/1.0' | 'h2c' | 'tcp';
}

/** The attributes filter-chain matching sees after the listener filters ran (§2.1). */
export interface EffectiveConnection {
  localIp?: string;
  localPort: number;
  transportProtocol: string;
  serverName: string;
  applicationProtocols: string[];
  srcIp?: string;
  srcPort?: number;
  isLocal: boolean;
  /** How the attributes were derived, for the explanation. */
  notes: string[];
}
