import type { ColumnSpec } from './DataTable';
import type { ClusterRow } from './clusterRows';
import type { EndpointRow } from './endpointRows';
import type { ListenerRow } from './listenerRows';
import type { RouteRow } from './routeRows';
import type { SecretRow } from './secretRows';

// Column headers are istioctl's `proxy-config` table headers, in its order.

export const listenerColumns: ColumnSpec<ListenerRow>[] = [
  { key: 'name', header: 'NAME', width: 3 },
  { key: 'addresses', header: 'ADDRESSES', width: 2 },
  { key: 'port', header: 'PORT', width: 1, numeric: true },
  { key: 'match', header: 'MATCH', width: 4 },
  { key: 'destination', header: 'DESTINATION', width: 5 },
];

export const routeColumns: ColumnSpec<RouteRow>[] = [
  { key: 'name', header: 'NAME', width: 3 },
  { key: 'vhost', header: 'VHOST NAME', width: 4 },
  { key: 'domains', header: 'DOMAINS', width: 4 },
  { key: 'match', header: 'MATCH', width: 3 },
  { key: 'virtualService', header: 'VIRTUAL SERVICE', width: 2 },
];

export const clusterColumns: ColumnSpec<ClusterRow>[] = [
  { key: 'fqdn', header: 'SERVICE FQDN', width: 5 },
  { key: 'port', header: 'PORT', width: 1, numeric: true },
  { key: 'subset', header: 'SUBSET', width: 1.5 },
  { key: 'direction', header: 'DIRECTION', width: 1.5 },
  { key: 'type', header: 'TYPE', width: 1.5 },
  { key: 'destinationRule', header: 'DESTINATION RULE', width: 2.5 },
];

export const endpointColumns: ColumnSpec<EndpointRow>[] = [
  { key: 'endpoint', header: 'ENDPOINT', width: 3 },
  { key: 'status', header: 'STATUS', width: 1.5 },
  { key: 'locality', header: 'LOCALITY', width: 2 },
  { key: 'cluster', header: 'CLUSTER', width: 5 },
];

export const secretColumns: ColumnSpec<SecretRow>[] = [
  { key: 'name', header: 'RESOURCE NAME', width: 3 },
  { key: 'type', header: 'TYPE', width: 1.3 },
  { key: 'status', header: 'STATUS', width: 1.2 },
  { key: 'validCert', header: 'VALID CERT', width: 1.2 },
  { key: 'serialNumber', header: 'SERIAL NUMBER', width: 3 },
  { key: 'notAfter', header: 'NOT AFTER', width: 2 },
  { key: 'notBefore', header: 'NOT BEFORE', width: 2 },
];
