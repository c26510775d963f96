import type { ConfigDump } from '@meshlens/configdump';
import { checkBlackholeTraffic } from './checkBlackholeTraffic';
import { checkCertificates } from './checkCertificates';
import { checkDanglingReferences } from './checkDanglingReferences';
import { checkDuplicateDomains } from './checkDuplicateDomains';
import { checkEndpoints } from './checkEndpoints';
import { checkResourceStates } from './checkResourceStates';
import { checkShadowedRoutes } from './checkShadowedRoutes';
import type { DiagnoseOptions, Diagnostic } from './diagnostic';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs every check over a parsed dump; errors first, then warnings, then infos. Pure. */
export function diagnose(dump: ConfigDump, options: DiagnoseOptions = {}): Diagnostic[] {
  const all = [
    ...checkResourceStates(dump),
    ...checkDanglingReferences(dump),
    ...checkDuplicateDomains(dump),
    ...checkShadowedRoutes(dump),
    ...checkEndpoints(dump),
    ...checkCertificates(dump, options.now ?? new Date(), options.expiryWarningDays ?? 30),
    ...checkBlackholeTraffic(dump),
  ];
  return all
    .map((d, i) => ({ d, i }))
    .sort((x, y) => ORDER[x.d.severity] - ORDER[y.d.severity] || x.i - y.i)
    .map((x) => x.d);
}
