export type * from './model';
export { parseConfigDump } from './parseConfigDump';
