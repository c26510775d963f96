import type { Secret } from '@meshlens/configdump';
import { secretRow } from '@meshlens/istioctl';
import { WIDE_LAYOUT, type Table } from './table';

/** Warming secrets first, then active ones, as istioctl lists them (static secrets are not shown). */
export function listedSecrets(secrets: readonly Secret[]): Secret[] {
  return [
    ...secrets.filter((s) => s.state === 'warming'),
    ...secrets.filter((s) => s.state === 'active'),
  ];
}

/** The `proxy-config secret` table. A warming secret has no certificate yet: its columns are empty. */
export function secretTable(
  secrets: readonly Secret[],
  options: { includeConfigType: boolean; now: Date },
): Table {
  const rows = secrets.map((s) => {
    const r = secretRow(s, options.now);
    return [
      options.includeConfigType ? `secret/${r.name}` : r.name,
      r.type,
      r.status,
      r.validCert,
      r.serialNumber,
      r.notAfter,
      r.notBefore,
    ];
  });
  return {
    header: [
      'RESOURCE NAME',
      'TYPE',
      'STATUS',
      'VALID CERT',
      'SERIAL NUMBER',
      'NOT AFTER',
      'NOT BEFORE',
    ],
    rows,
    layout: WIDE_LAYOUT,
  };
}
