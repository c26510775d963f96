import type { ConfigDump } from '@meshlens/configdump';
import { secretRow, type SecretRow as IstioctlSecretRow } from '@meshlens/istioctl';
import { nodeIdFor } from '@meshlens/proxy-graph';

/** One row of the secret table: istioctl's `proxy-config secret` cells and the graph node. */
export interface SecretRow extends IstioctlSecretRow {
  nodeId: string;
}

/** Rows of the secret table, for every secret of the dump in dump order; `now` decides VALID CERT. */
export function secretRows(dump: ConfigDump, now: number = Date.now()): SecretRow[] {
  const at = new Date(now);
  return dump.secrets.map((s) => ({
    ...secretRow(s, at),
    nodeId: nodeIdFor({ kind: 'secret', name: s.name }),
  }));
}
