import type { CidrRange } from '@meshlens/configdump';

/** `10.0.0.0/8`. */
export function cidrText(r: CidrRange): string {
  return `${r.addressPrefix}/${r.prefixLen}`;
}
