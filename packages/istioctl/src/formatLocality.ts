import type { Endpoint } from '@meshlens/configdump';

/** Region/zone/sub-zone, stopping at the first empty level (istioctl's `LocalityToString`). */
export function formatLocality(locality: Endpoint['locality']): string {
  if (!locality) return '';
  let out = locality.region ?? '';
  if (!locality.zone) return out;
  out += `/${locality.zone}`;
  if (!locality.subZone) return out;
  return `${out}/${locality.subZone}`;
}
