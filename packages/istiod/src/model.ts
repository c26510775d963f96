/**
 * The istiod debug-endpoint model: what `/debug/syncz` says about each connected proxy, and the
 * per-xDS-type sync states `istioctl proxy-status` derives from it.
 */

/** The xDS types `istioctl proxy-status` shows, in its column order. */
export type XdsType = 'CDS' | 'LDS' | 'EDS' | 'RDS' | 'ECDS';

/** Every xDS type, in istioctl's column order (CDS LDS EDS RDS ECDS). */
export const XDS_TYPES: readonly XdsType[] = ['CDS', 'LDS', 'EDS', 'RDS', 'ECDS'];

/**
 * The state istioctl prints for one xDS type. The nonce-based rule (old syncz) gives the first
 * four; the newer per-type `config_status` can also say `ERROR` (the proxy NACKed) or `IGNORED`
 * (istiod does not track this type for the proxy).
 */
export type SyncState =
  'SYNCED' | 'NOT SENT' | 'STALE' | 'STALE (Never Acknowledged)' | 'ERROR' | 'IGNORED';

/** Nonces istiod last sent and the proxy last acknowledged for one xDS type (old syncz format). */
export interface XdsNonces {
  /** `<type>_sent`, e.g. `cluster_sent`. Empty when nothing was sent. */
  sent: string;
  /** `<type>_acked`. Empty when the proxy never acknowledged. */
  acked: string;
}

/** One proxy connected to istiod, from one `/debug/syncz` entry. */
export interface ProxySyncStatus {
  /** `proxy`: `<pod>.<namespace>` (istioctl's NAME column). */
  proxyId: string;
  /** `cluster_id` (istioctl's CLUSTER column), e.g. `Kubernetes`. */
  clusterId?: string;
  /** `proxy_type` (`sidecar`, `router`...), when istiod reports it. */
  proxyType?: string;
  /** `istio_version`: the Istio version the proxy reported. */
  istioVersion?: string;
  /** `proxy_version`: the older fallback (Istio 1.1 pilots), shown with a `*` suffix. */
  proxyVersion?: string;
  /** The istiod instance this status came from (istioctl's ISTIOD / PILOT column). */
  istiod?: string;
  /** Sync state per xDS type. */
  states: Record<XdsType, SyncState>;
  /** The raw nonces per xDS type, when the syncz had them (old format). */
  nonces?: Partial<Record<XdsType, XdsNonces>>;
}

/** A typed error reading an istiod debug output. */
export interface IstiodDebugError {
  code: 'invalid_json' | 'unexpected_shape' | 'empty';
  /** A sentence a person can act on. */
  message: string;
  line?: number;
  column?: number;
}

/** Result of reading an istiod debug output: a value or a typed error, never an exception. */
export type DebugResult<T> = { ok: true; value: T } | { ok: false; error: IstiodDebugError };
