import type { ConfigDump, RouteConfig, SectionKind } from '@meshlens/configdump';
import { GraphAccumulator } from './graphAccumulator';
import { columnOf } from './graphTypes';
import { nodeIdFor } from './nodeId';
import { collectRouteConfigs } from './collectRouteConfigs';

/** What the full-graph builders share while walking one dump. */
export interface BuildContext {
  dump: ConfigDump;
  acc: GraphAccumulator;
  /** RDS, static and inline route configs by drawn name. */
  routeConfigs: Map<string, RouteConfig>;
}

export function createBuildContext(dump: ConfigDump): BuildContext {
  return { dump, acc: new GraphAccumulator(), routeConfigs: collectRouteConfigs(dump) };
}

type GhostKind = 'route_config' | 'cluster' | 'endpoints';

const ghostColumn: Record<GhostKind, number> = {
  route_config: columnOf.route_config,
  cluster: columnOf.cluster,
  endpoints: columnOf.endpoint,
};

const ghostSection: Record<GhostKind, SectionKind> = {
  route_config: 'routes',
  cluster: 'clusters',
  endpoints: 'endpoints',
};

const ghostNoun: Record<GhostKind, string> = {
  route_config: 'route config',
  cluster: 'cluster',
  endpoints: 'endpoints',
};

/** The id of a ghost node for a name used but not defined; the ghost is added on first use. */
export function ghostFor(ctx: BuildContext, expected: GhostKind, name: string): string {
  const id = `ghost:${expected}:${name}`;
  if (!ctx.acc.has(id)) {
    // A dump without the section at all (a listeners-only capture) cannot prove the name is
    // dangling: say "not in this dump" instead of "missing".
    const missingSection = !ctx.dump.sections.includes(ghostSection[expected]);
    const label = expected === 'endpoints' ? `${name} endpoints` : name;
    const sublabel = missingSection
      ? `${ghostNoun[expected]} not in this dump`
      : `missing ${ghostNoun[expected]}`;
    ctx.acc.addNode(
      {
        id,
        kind: 'ghost',
        column: ghostColumn[expected],
        direction: 'other',
        ghost: true,
        expected,
        missingSection,
      },
      () => ({ label, sublabel }),
    );
  }
  return id;
}

/** The node id a route / TCP proxy target name resolves to: the cluster, or a ghost. */
export function clusterTarget(ctx: BuildContext, name: string): string {
  return ctx.dump.index.clusterByName.has(name)
    ? nodeIdFor({ kind: 'cluster', name })
    : ghostFor(ctx, 'cluster', name);
}

/** The node id an RDS / scoped route config name resolves to: the route config, or a ghost. */
export function routeConfigTarget(ctx: BuildContext, name: string): string {
  return ctx.routeConfigs.has(name)
    ? nodeIdFor({ kind: 'route_config', name })
    : ghostFor(ctx, 'route_config', name);
}
