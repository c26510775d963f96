// Wire types of the live-mesh API (`/api/mesh/...`), served by the server's mesh router over one
// MeshSource (demo simulator, istiod / Envoy admin, Kubernetes, bug-report archive).
import type { JsonValue } from '@meshlens/configdump';
import type {
  IstioConfigObject,
  RegistryService,
  SyncDiffEntry,
  SyncState,
  XdsType,
} from '@meshlens/istiod';
import type { SnapshotCapability } from './snapshots';

// The istiod model types the mesh API carries, so the web app needs only this package.
export type {
  IstioConfigObject,
  RegistryService,
  SyncDiffEntry,
  SyncDiffKind,
  SyncState,
  XdsType,
} from '@meshlens/istiod';

/** A source failure as the API reports it (mirrors `SourceError`). */
export interface MeshSourceErrorBody {
  /** `refused`, `timeout`, `reset`, `truncated`, `too_large`, `http_status`, `debug_disabled`, `malformed`, `not_found`, `not_available`, `io`, `network`. */
  kind: string;
  /** The upstream URL (or file) that failed: always one from the server's configuration. */
  url?: string;
  /** What happened. */
  message: string;
  /** What to do about it. */
  advice: string;
  /** Upstream HTTP status, when there was one. */
  status?: number;
  /** Position of a JSON syntax error in the upstream body, 1-based. */
  line?: number;
  column?: number;
}

/** Body of every non-2xx `/api/mesh` response. Compatible with `ApiErrorResponse` plus `upstream`. */
export interface MeshApiErrorResponse {
  error: {
    /** `bad_request` (bad proxy id), `not_found`, `not_available` (this source cannot answer), `upstream` (istiod / Envoy / file failed). */
    code: 'bad_request' | 'not_found' | 'not_available' | 'upstream';
    /** A sentence a person can act on. */
    message: string;
    /** The source failure behind it, when there is one. */
    source?: MeshSourceErrorBody;
  };
}

/** What the server reads the mesh from. */
export interface MeshSourceInfo {
  kind: 'demo' | 'envoy' | 'istiod' | 'bug-report' | 'kubernetes';
  /** One line for the status bar. */
  summary: string;
  /** Configured targets (URLs, file, kube context). */
  targets: string[];
}

/** One proxy in `GET /api/mesh/proxies`. */
export interface MeshProxyInfo {
  /** `<pod>.<namespace>`: the `:id` of the per-proxy endpoints. */
  id: string;
  name: string;
  namespace: string;
  /** `sidecar`, `router`, ... or `unknown`. */
  type: string;
  /** Istio version the proxy reports (`1.1*`: only the proxy version was known). */
  istioVersion?: string;
  /** istiod instance it is connected to. */
  istiod?: string;
  clusterId?: string;
  /** Sync state per xDS type (istioctl proxy-status), when an istiod reported it. */
  sync?: Record<XdsType, SyncState>;
  /** Set when this proxy's details could not be fetched (the rest of the list is still valid). */
  error?: MeshSourceErrorBody;
}

/** `GET /api/mesh/proxies`. */
export interface MeshProxiesResponse {
  source: MeshSourceInfo;
  proxies: MeshProxyInfo[];
  /** Problems that did not prevent the list (e.g. one of several istiod instances unreachable). */
  warnings: string[];
  /** ISO time of the fetch. */
  fetchedAt: string;
}

/**
 * `GET /api/mesh/proxies/:id/config_dump[?from=istiod]`: the raw config dump JSON exactly as the
 * proxy's Envoy admin (default) or istiod (`from=istiod`) returned it; `Content-Type: application/json`.
 */
export type MeshConfigDumpResponse = JsonValue;

/** `GET /api/mesh/proxies/:id/clusters`: Envoy `/clusters?format=json` as returned. */
export type MeshClusterStatusesResponse = JsonValue;

/** `GET /api/mesh/proxies/:id/sync-diff`: what istiod would send vs what the proxy holds. */
export interface MeshSyncDiffResponse {
  proxyId: string;
  /** True when every listener, route and cluster is the same on both sides. */
  inSync: boolean;
  /** Per resource, in kind then name order; `istiod` / `envoy` raw JSON only for differing ones. */
  entries: SyncDiffEntry[];
  /** Counts per status. */
  counts: Record<SyncDiffEntry['status'], number>;
}

/** `GET /api/mesh/services`: istiod's service registry (`/debug/registryz`). */
export interface MeshServicesResponse {
  services: RegistryService[];
}

/** `GET /api/mesh/config`: the Istio config objects istiod holds (`/debug/configz`). */
export interface MeshIstioConfigResponse {
  objects: IstioConfigObject[];
}

/** `GET /api/mesh/status`: what the server is connected to and how the mesh is doing. */
export interface MeshStatusResponse {
  source: MeshSourceInfo;
  /** Whether listing the proxies worked. */
  reachable: boolean;
  proxies: number;
  /** Proxies with every xDS type SYNCED (or NOT SENT / IGNORED), with any STALE type, with any ERROR type, with a fetch error. */
  counts: { synced: number; stale: number; error: number; unreachable: number; unknown: number };
  warnings: string[];
  /** Set when listing failed. */
  error?: MeshSourceErrorBody;
}

/**
 * `POST /api/bug-report` (body: the `istioctl bug-report` `.tar.gz`, at most the server's
 * `--max-upload`): the archive is opened as an offline mesh source, served under `basePath` with
 * the same endpoints as `/api/mesh` (`proxies`, `proxies/:id/config_dump`, `status`...).
 * Over the limit the answer is a 413 `ApiErrorResponse` (`payload_too_large`).
 */
export interface BugReportUploadResponse {
  /** Id of the uploaded archive, e.g. `br1`. */
  id: string;
  /** Where its mesh API lives, e.g. `/api/bug-report/br1` (append `/proxies`...). */
  basePath: string;
  source: MeshSourceInfo;
  /** Number of proxies found in the archive. */
  proxies: number;
}

/** `GET /api/capabilities`: which optional parts of the API this server has. */
export interface CapabilitiesResponse {
  /** The live mesh under `/api/mesh`, when the server has a mesh source. */
  mesh?: MeshSourceInfo;
  /** Largest accepted upload (`POST /api/bug-report`), bytes. */
  maxUploadBytes: number;
  /** Saved snapshots under `/api/snapshots`, when the server has a store (absent: no snapshot actions). */
  snapshots?: SnapshotCapability;
}

/**
 * What a mesh-wide scan kept of one proxy's config dump: counts and findings only, so the dump
 * itself can be dropped as soon as it is summarised.
 */
export interface MeshProxyDumpSummary {
  /** Listeners (`dynamic_listeners` + `static_listeners`). */
  listeners: number;
  /** Route configurations (RDS and static). */
  routes: number;
  /** Clusters (CDS and static). */
  clusters: number;
  /** Endpoints (hosts) over every cluster load assignment (EDS, `include_eds`). */
  endpoints: number;
  /** SDS secrets. */
  secrets: number;
  /** Size of the dump as received, bytes. */
  dumpBytes: number;
  /** Fetch + parse time of the dump, ms (what `meshlens serve` waited for this proxy). */
  fetchMs: number;
  /** `diagnose()` findings of severity `error` (dangling references, rejected resources...). */
  errors: number;
  /** `diagnose()` findings of severity `warning`. */
  warnings: number;
  /** First finding of severity error (or warning), one line, to show in the row. */
  firstFinding?: string;
  /** `ISTIO_VERSION` of the dump's bootstrap node. */
  istioVersion?: string;
  /** Envoy version as istioctl prints it (from the bootstrap node). */
  envoyVersion?: string;
}

/** One proxy's outcome in a scan: a summary, or why its dump could not be read. */
export interface MeshScanProxyResult {
  /** `<pod>.<namespace>`, as in `/api/mesh/proxies`. */
  id: string;
  summary?: MeshProxyDumpSummary;
  /** Set when fetching or parsing this proxy's dump failed; the scan went on with the others. */
  error?: MeshSourceErrorBody;
}

/** `running` until every proxy is done; `cancelling` while the fetches in flight finish after a cancel. */
export type MeshScanState = 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

/** Progress and results of the server's mesh-wide scan (one at a time per mesh source). */
export interface MeshScanStatus {
  /** Increases with every new scan: a client holding results of another id starts over. */
  id: number;
  state: MeshScanState;
  /** ISO time the scan started / finished. */
  startedAt: string;
  finishedAt?: string;
  /** Time since the start (or the whole scan once finished), ms. */
  elapsedMs: number;
  /** Dumps fetched at once (`meshlens serve --concurrency`). */
  concurrency: number;
  /** Proxies to scan (0 until the proxy list is read). */
  total: number;
  /** Proxies finished, including failed ones. */
  done: number;
  failed: number;
  /** Dump bytes received so far. */
  bytes: number;
  /** Proxies being fetched right now. */
  current: string[];
  /** Why the scan could not run at all (the proxy list failed). */
  error?: MeshSourceErrorBody;
  /** Results finished since the `since` cursor of the request, in completion order. */
  results: MeshScanProxyResult[];
  /** Cursor for the next poll (`?since=<next>`): the number of results finished so far. */
  next: number;
}

/**
 * `POST /api/mesh/scan` (start, or join the running scan), `GET /api/mesh/scan?since=N` (poll),
 * `DELETE /api/mesh/scan` (cancel). `scan` is null before the first scan.
 */
export interface MeshScanResponse {
  scan: MeshScanStatus | null;
  /** On POST: true when a scan was already running and the request joined it. */
  joined?: boolean;
}
