// The live-mesh wire types live in the contract package (shared with the web app); re-exported
// here so the sources keep importing them from their old place.
export type {
  MeshApiErrorResponse,
  MeshClusterStatusesResponse,
  MeshConfigDumpResponse,
  MeshIstioConfigResponse,
  MeshProxiesResponse,
  MeshProxyInfo,
  MeshServicesResponse,
  MeshSourceErrorBody,
  MeshSourceInfo,
  MeshStatusResponse,
  MeshSyncDiffResponse,
} from '@meshlens/contract';
