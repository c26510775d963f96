// The expectations side of the tests: the same dump parsed in the test process with
// `parseConfigDump`, and what the graph should contain according to that model.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  type Address,
  type ConfigDump,
  type Listener,
  type ObjectRef,
  parseConfigDump,
} from '@meshlens/configdump';

/** Parses a dump file, failing the test with the model's own message when it cannot. */
export function parseDumpFile(path: string): ConfigDump {
  return parseDumpText(readFileSync(path, 'utf8'), basename(path));
}

/** Parses dump text, failing the test with the model's own message when it cannot. */
export function parseDumpText(text: string, fileName: string): ConfigDump {
  const result = parseConfigDump(text, { fileName });
  if (!result.ok) throw new Error(`parseConfigDump(${fileName}) failed: ${result.error.message}`);
  return result.dump;
}

function addressText(a: Address): string {
  switch (a.kind) {
    case 'socket':
      return a.port === undefined ? a.ip : `${a.ip}:${a.port}`;
    case 'pipe':
      return `unix:${a.path}`;
    case 'internal':
      return `envoy://${a.serverListenerName}${a.endpointId ? `/${a.endpointId}` : ''}`;
    case 'unknown':
      return '?';
  }
}

/**
 * The name a listener is drawn under: its name, or its address when it has none (Istio's
 * bootstrap Prometheus and health listeners are nameless, and a sidecar has two of them).
 */
export function listenerKey(l: Listener): string {
  return l.name !== '' ? l.name : addressText(l.address);
}

/** The distinct listener node ids the graph should draw (a listener both active and warming is one node). */
export function expectedListenerIds(dump: ConfigDump): string[] {
  return [...new Set(dump.listeners.map((l) => `listener:${listenerKey(l)}`))].sort();
}

/** The distinct cluster node ids the graph should draw. */
export function expectedClusterIds(dump: ConfigDump): string[] {
  return [...new Set(dump.clusters.map((c) => `cluster:${c.name}`))].sort();
}

/**
 * The graph node id of a model object, written from the id scheme of the interface spec
 * (not imported from the graph package, so a drift in either shows up here).
 */
export function expectedNodeId(ref: ObjectRef): string {
  switch (ref.kind) {
    case 'listener':
      return `listener:${ref.name}`;
    case 'filter_chain':
      return `chain:${ref.listener}#${ref.index}`;
    case 'route_config':
      return `rc:${ref.name}`;
    case 'virtual_host':
      return `vh:${ref.routeConfig}/${ref.name}`;
    case 'route':
      return `route:${ref.routeConfig}/${ref.virtualHost}/${ref.index}`;
    case 'cluster':
    case 'endpoints':
      return `cluster:${ref.kind === 'cluster' ? ref.name : ref.cluster}`;
    case 'secret':
      return `secret:${ref.name}`;
    case 'extension_config':
      return `ecds:${ref.name}`;
  }
}

/** Containment edges the reference index does not list (they are structure, not references). */
function containmentEdges(dump: ConfigDump): [string, string][] {
  const edges: [string, string][] = [];
  for (const l of dump.listeners) {
    const chains = [...l.filterChains, ...(l.defaultFilterChain ? [l.defaultFilterChain] : [])];
    for (const c of chains) {
      const chainId = `chain:${listenerKey(l)}#${c.index}`;
      edges.push([`listener:${listenerKey(l)}`, chainId]);
      for (const f of c.filters) {
        if (f.kind === 'http_connection_manager' && f.routeSource.kind === 'inline') {
          edges.push([chainId, `rc:${f.routeSource.routeConfig.name}`]);
        }
      }
    }
  }
  const routeConfigs = [
    ...dump.routeConfigs,
    ...dump.listeners.flatMap((l) =>
      [...l.filterChains, ...(l.defaultFilterChain ? [l.defaultFilterChain] : [])].flatMap((c) =>
        c.filters.flatMap((f) =>
          f.kind === 'http_connection_manager' && f.routeSource.kind === 'inline'
            ? [f.routeSource.routeConfig]
            : [],
        ),
      ),
    ),
  ];
  for (const rc of routeConfigs) {
    for (const vh of rc.virtualHosts) {
      const vhId = `vh:${rc.name}/${vh.name}`;
      edges.push([`rc:${rc.name}`, vhId]);
      for (const r of vh.routes) edges.push([vhId, `route:${rc.name}/${vh.name}/${r.index}`]);
    }
  }
  return edges;
}

/**
 * Every model node id reachable from `start` following containment and the reference index
 * (listener -> chains -> route configs -> virtual hosts -> routes -> clusters -> ...).
 */
export function reachableFrom(dump: ConfigDump, start: string): Set<string> {
  const next = new Map<string, string[]>();
  const add = (from: string, to: string): void => {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  };
  for (const [from, to] of containmentEdges(dump)) add(from, to);
  for (const r of dump.index.references) add(expectedNodeId(r.from), expectedNodeId(r.to));
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const to of next.get(id) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** Names of the model's clusters containing `text` (case-insensitive), as a table filter would. */
export function clustersContaining(dump: ConfigDump, text: string): string[] {
  const needle = text.toLowerCase();
  return dump.clusters.map((c) => c.name).filter((n) => n.toLowerCase().includes(needle));
}
