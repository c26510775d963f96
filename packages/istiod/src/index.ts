export type * from './model';
export { XDS_TYPES } from './model';
export { parseJsonText } from './parseJsonText';
export { xdsStatus } from './xdsStatus';
export { parseSyncz, type ParseSynczOptions } from './parseSyncz';
export {
  proxyStatusRows,
  displayVersion,
  type ProxyStatusLayout,
  type ProxyStatusTable,
  type ProxyStatusRowsOptions,
} from './proxyStatusRows';
export {
  diffConfigDumps,
  type SyncDiff,
  type SyncDiffEntry,
  type SyncDiffKind,
} from './diffConfigDumps';
export { parseRegistryz, type RegistryService } from './parseRegistryz';
export { parseConfigz, type IstioConfigObject } from './parseConfigz';
