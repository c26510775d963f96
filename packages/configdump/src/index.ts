export type * from './model';
export { parseConfigDump } from './parseConfigDump';
export { formatDumpError } from './formatDumpError';
export { readInput, type DecodedInput } from './readInput';
export { countResources, type ResourceCounts } from './countResources';
export { formatAddress, type AddressStyle } from './formatAddress';
export { parseIstioClusterName } from './parseIstioClusterName';
export { parseIstioConfigPath } from './parseIstioConfigPath';
