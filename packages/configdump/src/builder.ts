import type { ParseContext } from './context';
import { typeUrl } from './fields';
import type {
  Bootstrap,
  ClusterEndpoints,
  Cluster,
  ExtensionConfig,
  JsonObject,
  Listener,
  RouteConfig,
  ScopedRouteConfig,
  Secret,
  SectionKind,
} from './model';

/** Everything collected while walking the input, before the index is built. */
export interface DumpBuilder {
  ctx: ParseContext;
  sections: Set<SectionKind>;
  bootstrap?: Bootstrap;
  listeners: Listener[];
  routeConfigs: RouteConfig[];
  scopedRouteConfigs: ScopedRouteConfig[];
  clusters: Cluster[];
  endpoints: ClusterEndpoints[];
  /** Endpoints from clusters' static `load_assignment`, added unless an EDS section has them. */
  staticEndpoints: ClusterEndpoints[];
  secrets: Secret[];
  extensionConfigs: ExtensionConfig[];
  /** Which API generations the admin wrappers and the inner resources used. */
  adminV2: boolean;
  adminV3: boolean;
  innerV2: boolean;
  innerV3: boolean;
}

/** An empty builder. */
export function newBuilder(ctx: ParseContext): DumpBuilder {
  return {
    ctx,
    sections: new Set(),
    listeners: [],
    routeConfigs: [],
    scopedRouteConfigs: [],
    clusters: [],
    endpoints: [],
    staticEndpoints: [],
    secrets: [],
    extensionConfigs: [],
    adminV2: false,
    adminV3: false,
    innerV2: false,
    innerV3: false,
  };
}

/** Notes the API generation of an inner resource from its `@type` (v2 resources may have none). */
export function noteInnerType(b: DumpBuilder, resource: JsonObject): void {
  const t = typeUrl(resource);
  if (t === undefined) return;
  if (t.includes('.v2.') || t.includes('.v2alpha.')) b.innerV2 = true;
  else if (t.includes('.v3.')) b.innerV3 = true;
}
