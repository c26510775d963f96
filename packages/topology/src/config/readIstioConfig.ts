// The Istio config objects istiod holds (`/debug/configz`, parsed at the edge by @meshlens/istiod)
// read into the few spec fields the config topology needs; every object keeps its raw JSON.
import type { JsonObject, JsonValue } from '@meshlens/configdump';
import type { IstioConfigObject } from '@meshlens/istiod';

/** Common identity of a config object. */
interface ConfigMeta {
  name: string;
  namespace: string;
  raw: JsonObject;
}

/** One destination of a VirtualService route. */
export interface RouteDestination {
  host: string;
  subset?: string;
  port?: number;
  weight?: number;
}

/** One http/tcp/tls route of a VirtualService. */
export interface VsRoute {
  protocol: 'http' | 'tcp' | 'tls';
  /** `name`, or `http[0]`-style position. */
  name: string;
  destinations: RouteDestination[];
  /** `mirror` destination (http). */
  mirror?: RouteDestination;
}

/** `networking.istio.io` VirtualService. */
export interface VirtualServiceConfig extends ConfigMeta {
  hosts: string[];
  /** `spec.gateways`; absent = `mesh`. */
  gateways: string[];
  routes: VsRoute[];
}

/** DestinationRule. */
export interface DestinationRuleConfig extends ConfigMeta {
  host: string;
  /** Traffic-policy sections set at the top level. */
  policies: string[];
  subsets: { name: string; labels: Record<string, string>; policies: string[] }[];
}

/** Gateway. */
export interface GatewayConfig extends ConfigMeta {
  selector: Record<string, string>;
  hosts: string[];
}

/** ServiceEntry. */
export interface ServiceEntryConfig extends ConfigMeta {
  hosts: string[];
  location?: string;
  ports: { port: number; name?: string; protocol?: string }[];
}

/** Sidecar. */
export interface SidecarConfig extends ConfigMeta {
  /** `workloadSelector.labels`; absent = every workload of the namespace. */
  selector?: Record<string, string>;
  /** Every `egress[].hosts` entry (`namespace/host`). */
  egressHosts: string[];
}

/** The Istio config objects the topology reads. */
export interface IstioConfigSet {
  virtualServices: VirtualServiceConfig[];
  destinationRules: DestinationRuleConfig[];
  gateways: GatewayConfig[];
  serviceEntries: ServiceEntryConfig[];
  sidecars: SidecarConfig[];
  /** Kinds present but not used by the topology (EnvoyFilter, AuthorizationPolicy...), with counts. */
  otherKinds: Record<string, number>;
}

const isObj = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: JsonValue | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;
const strings = (v: JsonValue | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const labelMap = (v: JsonValue | undefined): Record<string, string> =>
  isObj(v)
    ? Object.fromEntries(
        Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
    : {};
const POLICY_KEYS = [
  'connectionPool',
  'outlierDetection',
  'tls',
  'loadBalancer',
  'portLevelSettings',
];
const policiesOf = (v: JsonValue | undefined): string[] =>
  isObj(v) ? POLICY_KEYS.filter((k) => k in v) : [];

function destination(
  v: JsonValue | undefined,
  weight: JsonValue | undefined,
): RouteDestination | undefined {
  if (!isObj(v)) return undefined;
  const host = str(v.host);
  if (!host) return undefined;
  const d: RouteDestination = { host };
  const subset = str(v.subset);
  if (subset) d.subset = subset;
  if (isObj(v.port) && typeof v.port.number === 'number') d.port = v.port.number;
  if (typeof weight === 'number') d.weight = weight;
  return d;
}

function vsRoutes(spec: JsonObject): VsRoute[] {
  const out: VsRoute[] = [];
  for (const protocol of ['http', 'tcp', 'tls'] as const) {
    const list = spec[protocol];
    if (!Array.isArray(list)) continue;
    list.forEach((r, i) => {
      if (!isObj(r)) return;
      const destinations: RouteDestination[] = [];
      for (const rd of Array.isArray(r.route) ? r.route : []) {
        const d = isObj(rd) ? destination(rd.destination, rd.weight) : undefined;
        if (d) destinations.push(d);
      }
      const route: VsRoute = { protocol, name: str(r.name) ?? `${protocol}[${i}]`, destinations };
      const mirror = destination(r.mirror, undefined);
      if (mirror) route.mirror = mirror;
      out.push(route);
    });
  }
  return out;
}

/** Reads the spec fields the topology uses from istiod's config objects. */
export function readIstioConfig(objects: readonly IstioConfigObject[]): IstioConfigSet {
  const config: IstioConfigSet = {
    virtualServices: [],
    destinationRules: [],
    gateways: [],
    serviceEntries: [],
    sidecars: [],
    otherKinds: {},
  };
  for (const object of objects) {
    const item = object.raw;
    const kind = object.kind || 'unknown';
    const meta = { name: object.name, namespace: object.namespace, raw: item };
    const spec = isObj(item.spec) ? item.spec : {};
    switch (kind) {
      case 'VirtualService':
        config.virtualServices.push({
          ...meta,
          hosts: strings(spec.hosts),
          gateways: strings(spec.gateways),
          routes: vsRoutes(spec),
        });
        break;
      case 'DestinationRule':
        config.destinationRules.push({
          ...meta,
          host: str(spec.host) ?? '',
          policies: policiesOf(spec.trafficPolicy),
          subsets: (Array.isArray(spec.subsets) ? spec.subsets : []).filter(isObj).map((s) => ({
            name: str(s.name) ?? '',
            labels: labelMap(s.labels),
            policies: policiesOf(s.trafficPolicy),
          })),
        });
        break;
      case 'Gateway':
        config.gateways.push({
          ...meta,
          selector: labelMap(spec.selector),
          hosts: (Array.isArray(spec.servers) ? spec.servers : []).flatMap((s) =>
            isObj(s) ? strings(s.hosts) : [],
          ),
        });
        break;
      case 'ServiceEntry': {
        const location = str(spec.location);
        config.serviceEntries.push({
          ...meta,
          hosts: strings(spec.hosts),
          ...(location ? { location } : {}),
          ports: (Array.isArray(spec.ports) ? spec.ports : []).filter(isObj).flatMap((p) =>
            typeof p.number === 'number'
              ? [
                  {
                    port: p.number,
                    ...(str(p.name) ? { name: str(p.name) } : {}),
                    ...(str(p.protocol) ? { protocol: str(p.protocol) } : {}),
                  },
                ]
              : [],
          ),
        });
        break;
      }
      case 'Sidecar': {
        const ws = isObj(spec.workloadSelector)
          ? labelMap(spec.workloadSelector.labels)
          : undefined;
        config.sidecars.push({
          ...meta,
          ...(ws ? { selector: ws } : {}),
          egressHosts: (Array.isArray(spec.egress) ? spec.egress : []).flatMap((e) =>
            isObj(e) ? strings(e.hosts) : [],
          ),
        });
        break;
      }
      default:
        config.otherKinds[kind] = (config.otherKinds[kind] ?? 0) + 1;
    }
  }
  return config;
}
