// The live-mesh data sources: one interface (MeshSource), five implementations, the HTTP API over
// them and the CLI flags that choose one. See meshRouter.ts for the endpoints.
export type {
  MeshSource,
  MeshProxy,
  ProxyList,
  FetchedConfigDump,
  SourceDescription,
} from './MeshSource';
export type { SourceError, SourceErrorKind, SourceResult } from './SourceError';
export { formatSourceError } from './SourceError';
export {
  EnvoyAdminSource,
  type EnvoyAdminTarget,
  type LiveSourceOptions,
} from './EnvoyAdminSource';
export { IstiodSource, type IstiodTarget, type IstiodSourceOptions } from './IstiodSource';
export { DemoMeshSource, type DemoMeshSourceOptions } from './DemoMeshSource';
export { BugReportSource } from './bugReport/BugReportSource';
export {
  createMeshSource,
  meshSourceConfigFromEnv,
  splitNamedTarget,
  type MeshSourceConfig,
} from './createMeshSource';
export {
  addMeshSourceOptions,
  meshSourceConfigFromFlags,
  timeoutOption,
  type MeshSourceFlags,
} from './meshSourceOptions';
export { createMeshRouter } from './meshRouter';
export { startMeshApiServer, type MeshApiServer } from './startMeshApiServer';
export { parseDuration, formatDuration, DEFAULT_TIMEOUT_MS } from './parseDuration';
export type * from './meshApi';
