export type * from './model';
export { parseConfigDump } from './parseConfigDump';
export { formatDumpError } from './formatDumpError';
export { formatAddress } from './formatAddress';
export { parseIstioClusterName } from './parseIstioClusterName';
export { parseIstioConfigPath } from './parseIstioConfigPath';
