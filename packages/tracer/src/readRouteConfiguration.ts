import { parseConfigDump, type JsonValue, type RouteConfig } from '@meshlens/configdump';
import { parse as parseYaml } from 'yaml';
import { isObject } from './rawFields';

/** A route configuration read from a file, or why it could not be read. */
export type ReadRouteConfigurationResult =
  { ok: true; routeConfig: RouteConfig } | { ok: false; error: string };

/**
 * Reads a bare Envoy `RouteConfiguration` (YAML or JSON, as router_check_tool's `-c` file) into the
 * model, by wrapping it in a synthetic `RoutesConfigDump` so the config-dump package's normaliser
 * does the work (one reader for every shape).
 */
export function readRouteConfiguration(text: string): ReadRouteConfigurationResult {
  let doc: unknown;
  try {
    doc = parseYaml(text, { uniqueKeys: false }) as unknown;
  } catch (err) {
    return {
      ok: false,
      error: `not valid YAML/JSON: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  if (!isObject(doc))
    return { ok: false, error: 'expected a RouteConfiguration object (with virtual_hosts)' };
  const dump = {
    configs: [
      {
        '@type': 'type.googleapis.com/envoy.admin.v3.RoutesConfigDump',
        static_route_configs: [{ route_config: doc as JsonValue }],
      },
    ],
  };
  const parsed = parseConfigDump(JSON.stringify(dump));
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  const rc = parsed.dump.routeConfigs[0];
  if (!rc) return { ok: false, error: 'the file holds no route configuration' };
  return { ok: true, routeConfig: rc };
}
