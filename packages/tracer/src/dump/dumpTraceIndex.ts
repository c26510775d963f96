import type { ConfigDump, Listener, RouteConfig } from '@meshlens/configdump';
import { splitHostPort } from '../selectVirtualHost';
import { rawBool } from '../rawFields';
import { parseIp } from './ipAddress';

/** A virtual host that names a service VIP, found under one of its domains. */
export interface VipEntry {
  /** The route configuration's position in `dump.routeConfigs` (search order). */
  rcOrder: number;
  /** The virtual host's position in its route configuration. */
  vhOrder: number;
  routeConfig: RouteConfig;
  virtualHost: string;
  /** The first IPv4 domain of the virtual host (not `0.x`): the service VIP. */
  ip: string;
}

/**
 * Lookups a trace needs, built once per dump: a 200 MB dump has ~1,000 listeners and ~20,000
 * virtual hosts, and scanning them on every trace made p99 latency tens of milliseconds.
 */
export interface DumpTraceIndex {
  /** Active or static listeners, in dump order. */
  live: Listener[];
  /** Live listeners by every port they are reachable at, in dump order. */
  liveByPort: Map<number, Listener[]>;
  /** Live listeners with `bind_to_port`, by port. */
  boundByPort: Map<number, Listener[]>;
  /** Live `use_original_dst` listeners (sidecar entry listeners), in dump order. */
  originalDst: Listener[];
  /** Every listener (any state) by name, in dump order. */
  listenersByName: Map<string, Listener[]>;
  /** Lower-cased virtual host domain -> the VIP-bearing virtual hosts that list it. */
  vipByDomain: Map<string, VipEntry[]>;
}

const cache = new WeakMap<ConfigDump, DumpTraceIndex>();

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const xs = m.get(k);
  if (xs) xs.push(v);
  else m.set(k, [v]);
}

function ports(l: Listener): Set<number> {
  const out = new Set<number>();
  for (const a of [l.address, ...l.additionalAddresses])
    if (a.kind === 'socket' && a.port !== undefined) out.add(a.port);
  return out;
}

function vhVip(domains: readonly string[]): string | undefined {
  for (const d of domains) {
    const ip = splitHostPort(d.toLowerCase()).host;
    if (parseIp(ip)?.family === 4 && !ip.startsWith('0.')) return ip;
  }
  return undefined;
}

function indexVips(dump: ConfigDump): Map<string, VipEntry[]> {
  const out = new Map<string, VipEntry[]>();
  dump.routeConfigs.forEach((rc, rcOrder) => {
    rc.virtualHosts.forEach((vh, vhOrder) => {
      const ip = vhVip(vh.domains);
      if (ip === undefined) return;
      const entry: VipEntry = { rcOrder, vhOrder, routeConfig: rc, virtualHost: vh.name, ip };
      for (const d of new Set(vh.domains.map((x) => x.toLowerCase()))) push(out, d, entry);
    });
  });
  return out;
}

/** The trace index of `dump`, built on first use and cached for the dump's lifetime. */
export function dumpTraceIndex(dump: ConfigDump): DumpTraceIndex {
  const hit = cache.get(dump);
  if (hit) return hit;
  const idx: DumpTraceIndex = {
    live: [],
    liveByPort: new Map(),
    boundByPort: new Map(),
    originalDst: [],
    listenersByName: new Map(),
    vipByDomain: indexVips(dump),
  };
  for (const l of dump.listeners) {
    push(idx.listenersByName, l.name, l);
    if (l.state !== 'active' && l.state !== 'static') continue;
    idx.live.push(l);
    if (rawBool(l.raw, 'use_original_dst') === true) idx.originalDst.push(l);
    for (const p of ports(l)) {
      push(idx.liveByPort, p, l);
      if (l.bindToPort) push(idx.boundByPort, p, l);
    }
  }
  cache.set(dump, idx);
  return idx;
}
