export type * from './model';
export { DIFF_KINDS } from './model';
export { diffDumps } from './diffDumps';
export { diffJson, lcsPairs } from './diffJson';
export { normalizeJson, canonicalText, camelKey, normalizeTypeUrl } from './normalizeJson';
export { formatDumpDiff } from './formatDumpDiff';
export { parseDiffKinds } from './parseDiffKinds';
