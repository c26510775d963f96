import type { ConfigDump, JsonValue, SectionKind } from '@meshlens/configdump';
import { bootstrapSummary } from './bootstrapSummary';
import { clusterTable, listedClusters } from './clusterTable';
import { ecdsTable } from './ecdsTable';
import { adminEndpointTable, endpointTable } from './endpointTable';
import { isAdminClusters, listedAssignments } from './endpointSelection';
import { listedListeners } from './listenerSelection';
import { listenerTable } from './listenerTable';
import { toProtoJson } from './protoJson';
import { resourceDump, type ProxyConfigFilters, type ResourceType } from './resourceDump';
import { listedRouteConfigs, routeTable } from './routeTable';
import { listedSecrets, secretTable } from './secretTable';
import { formatTable } from './table';
import { toIstioctlYaml } from './yamlOutput';

/** Everything `proxy-config` can print. */
export type ProxyConfigType = ResourceType | 'all';
/** `-o`. */
export type OutputFormat = 'short' | 'json' | 'yaml';

/** The settings of one `proxy-config` run, already validated. */
export interface ProxyConfigOptions {
  output: OutputFormat;
  filters: ProxyConfigFilters;
  verbose: boolean;
  withHeaders: boolean;
  /** Clock for VALID CERT. */
  now: Date;
  /** For `all -o json|yaml`: the whole input document (the model keeps no root object). */
  rawRoot?: JsonValue;
}

/** What to print: the text for stdout and notes for stderr. */
export interface ProxyConfigOutput {
  stdout: string;
  notes: string[];
}

const SECTION_OF: Record<ResourceType, SectionKind> = {
  listener: 'listeners',
  route: 'routes',
  cluster: 'clusters',
  endpoint: 'endpoints',
  secret: 'secrets',
  bootstrap: 'bootstrap',
  ecds: 'ecds',
};

/** The short (table) output of one resource type. */
function shortOutput(
  dump: ConfigDump,
  type: ResourceType,
  o: ProxyConfigOptions,
  inAll: boolean,
): string {
  const includeConfigType = inAll;
  switch (type) {
    case 'bootstrap':
      return bootstrapSummary(dump.node ?? dump.bootstrap?.node);
    case 'cluster':
      return formatTable(
        clusterTable(listedClusters(dump.clusters), {
          filter: o.filters.cluster,
          includeConfigType,
        }),
      );
    case 'listener':
      return formatTable(
        listenerTable(listedListeners(dump.listeners), {
          filter: o.filters.listener,
          verbose: o.verbose,
          includeConfigType,
        }),
      );
    case 'route':
      return formatTable(
        routeTable(listedRouteConfigs(dump.routeConfigs), {
          filter: o.filters.route,
          verbose: o.verbose,
          includeConfigType,
        }),
      );
    case 'secret':
      return formatTable(
        secretTable(listedSecrets(dump.secrets), { includeConfigType, now: o.now }),
      );
    case 'endpoint':
      return formatTable(
        isAdminClusters(dump) && !inAll
          ? adminEndpointTable(dump.endpoints, o.filters.endpoint)
          : endpointTable(listedAssignments(dump), {
              filter: o.filters.endpoint,
              includeConfigType,
            }),
      );
    case 'ecds':
      return formatTable(ecdsTable(dump.extensionConfigs));
  }
}

/** Sections `proxy-config all` prints, in istioctl's order, with their `--with-headers` banners. */
const ALL_SECTIONS: readonly [ResourceType, string][] = [
  ['bootstrap', 'BOOTSTRAP'],
  ['cluster', 'CLUSTER'],
  ['listener', 'LISTENER'],
  ['route', 'ROUTE'],
  ['secret', 'SECRET'],
  ['endpoint', 'ENDPOINTS'],
];

function hasSection(dump: ConfigDump, type: ResourceType): boolean {
  if (isAdminClusters(dump)) return type === 'endpoint';
  return dump.sections.includes(SECTION_OF[type]);
}

function missingNote(type: ResourceType): string {
  return `note: the input has no ${SECTION_OF[type]} section; nothing to list for "${type}"`;
}

function serialise(value: JsonValue, format: 'json' | 'yaml'): string {
  const converted = toProtoJson(value);
  // istioctl indents JSON by 4 spaces.
  return format === 'json' ? `${JSON.stringify(converted, null, 4)}\n` : toIstioctlYaml(converted);
}

/** Renders `proxy-config <type>` for a parsed dump. Pure: no I/O, no clock except `options.now`. */
export function renderProxyConfig(
  dump: ConfigDump,
  type: ProxyConfigType,
  options: ProxyConfigOptions,
): ProxyConfigOutput {
  const notes: string[] = [];
  if (type === 'all') {
    if (options.output !== 'short') {
      return { stdout: serialise(options.rawRoot ?? {}, options.output), notes };
    }
    const parts = ALL_SECTIONS.map(([t, banner]) => {
      if (!hasSection(dump, t)) notes.push(missingNote(t));
      const body = shortOutput(dump, t, options, true);
      return options.withHeaders ? `------ ${banner} INFO ------\n\n${body}` : body;
    });
    return { stdout: parts.join('\n'), notes };
  }
  if (!hasSection(dump, type)) notes.push(missingNote(type));
  if (options.output === 'short') return { stdout: shortOutput(dump, type, options, false), notes };
  return { stdout: serialise(resourceDump(dump, type, options.filters), options.output), notes };
}
