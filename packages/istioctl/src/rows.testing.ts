// Test helper: models from inline Envoy admin sections, through the real parser.
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';

const V3 = 'type.googleapis.com/envoy.admin.v3.';

/** Parses one config dump section and fails loudly if the parser rejects it. */
export function dumpOf(type: string, section: object): ConfigDump {
  const r = parseConfigDump(JSON.stringify({ configs: [{ '@type': `${V3}${type}`, ...section }] }));
  if (!r.ok) throw new Error(`test dump rejected: ${r.error.message}`);
  return r.dump;
}
