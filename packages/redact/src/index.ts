export type * from './model';
export { redactDump } from './redactDump';
export { findNames } from './hostNames';
export { isIpv4, isIpv6 } from './ipAddress';
