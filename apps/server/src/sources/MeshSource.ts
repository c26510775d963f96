import type { ConfigDump, JsonValue } from '@meshlens/configdump';
import type { IstioConfigObject, RegistryService, SyncState, XdsType } from '@meshlens/istiod';
import type { SourceError, SourceResult } from './SourceError';

/** One proxy of the mesh as a source sees it. */
export interface MeshProxy {
  /** Stable id used in API paths: `<pod>.<namespace>` (istioctl's proxy id). */
  id: string;
  /** Pod name. */
  name: string;
  namespace: string;
  /** `sidecar`, `router` (gateway), `waypoint`... or `unknown`. */
  type: string;
  /** Istio version the proxy reports (`istio_version` in syncz, `ISTIO_VERSION` in its node metadata). */
  istioVersion?: string;
  /** istiod instance the proxy is connected to (from which syncz it came). */
  istiod?: string;
  /** Cluster id (multi-cluster meshes). */
  clusterId?: string;
  /** Sync state per xDS type, when an istiod reported it. */
  sync?: Record<XdsType, SyncState>;
  /** Set when this proxy's details could not be fetched; the other proxies are unaffected. */
  error?: SourceError;
}

/** A proxy's config dump: the text as received (for the raw view) and the parsed model. */
export interface FetchedConfigDump {
  /** The JSON text exactly as the source returned it. */
  text: string;
  dump: ConfigDump;
}

/** What a source is connected to, for the status bar and `meshlens serve` logs. */
export interface SourceDescription {
  kind: 'demo' | 'envoy' | 'istiod' | 'bug-report' | 'kubernetes';
  /** One line, e.g. `istiod http://127.0.0.1:15014 + 7 Envoy admin endpoints`. */
  summary: string;
  /** The configured targets (URLs, file path, kube context). */
  targets: string[];
}

/** The proxy list, plus the per-target problems that did not prevent listing the rest. */
export interface ProxyList {
  proxies: MeshProxy[];
  /** E.g. one of three istiod instances was unreachable. */
  warnings: string[];
}

/**
 * The one interface every view reads the mesh through: live istiod / Envoy admin, Kubernetes, a
 * bug-report archive or the demo simulator. Every call returns a value (never throws), and
 * targets come only from the source's configuration, never from the caller.
 */
export interface MeshSource {
  /** Dumps this source fetches at once (`--concurrency`); a mesh-wide scan uses it (default 8). */
  readonly concurrency?: number;
  /** Every proxy with name, namespace, type, Istio version, istiod instance and sync state. */
  listProxies(): Promise<SourceResult<ProxyList>>;
  /** What the proxy holds: its Envoy `/config_dump?include_eds`. */
  getConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>>;
  /** What istiod would send it: `/debug/config_dump?proxyID=<pod>.<namespace>`. */
  getIstiodConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>>;
  /** Envoy `/clusters?format=json` (endpoint health, outlier status). */
  getClusterStatuses(proxyId: string): Promise<SourceResult<JsonValue>>;
  /** istiod's service registry (`/debug/registryz`). */
  getServices(): Promise<SourceResult<RegistryService[]>>;
  /** The Istio config objects istiod holds (`/debug/configz`). */
  getIstioConfig(): Promise<SourceResult<IstioConfigObject[]>>;
  /** What this source is connected to. */
  describe(): SourceDescription;
  /** Releases servers, port-forwards, timers. Safe to call twice. */
  close(): Promise<void>;
}
