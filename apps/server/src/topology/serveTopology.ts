// `meshlens serve`'s traffic flags and the demo's own Prometheus: turns the flags (and the mesh
// source) into the server's topology options, starting Prometheus for the demo mesh when it can.
import type { Command } from 'commander';
import type { MeshSource } from '../sources/MeshSource';
import { DemoMeshSource } from '../sources/DemoMeshSource';
import { startLocalPrometheus } from './startLocalPrometheus';
import { NO_PROMETHEUS, type TopologyOptions } from './topologyApi';

/** The traffic flags of `meshlens serve`. */
export interface TopologyFlags {
  prometheus?: string;
  clusterName?: string;
  accessibleNamespaces?: string;
}

/** Adds `--prometheus`, `--cluster-name`, `--accessible-namespaces`. */
export function addTopologyOptions(command: Command): Command {
  return command
    .option(
      '--prometheus <url>',
      'Prometheus the topology page reads traffic from (default for the demo mesh: a local prometheus, when installed)',
    )
    .option('--cluster-name <name>', "the traffic graph's home cluster name (default Kubernetes)")
    .option(
      '--accessible-namespaces <list>',
      'namespaces the traffic graph may show: ns or cluster:ns, comma-separated (default: all)',
    );
}

/** The server's topology options, what to print, and what to stop on shutdown. */
export interface ServeTopology {
  options: TopologyOptions;
  /** One line for the console. */
  message: string;
  stop(): Promise<void>;
}

/**
 * How often the demo's Prometheus scrapes the simulator: every second on a small mesh; on a large
 * one the simulator's `/metrics` is tens of MB (75 MB for ~2,600 proxies), rendered on the
 * server's thread, so scraping it every second would keep the server busy for good. 15 s still
 * leaves four samples in the 1-minute window the page asks for by default.
 */
export function demoScrapeSeconds(proxies: number): number {
  return proxies <= 100 ? 1 : 15;
}

/** Resolves the traffic source: `--prometheus`, else a local Prometheus for the demo mesh, else none (with why). */
export async function startServeTopology(
  flags: TopologyFlags,
  source: MeshSource,
): Promise<ServeTopology> {
  const base: TopologyOptions = {
    ...(flags.clusterName !== undefined ? { clusterName: flags.clusterName } : {}),
    ...(flags.accessibleNamespaces !== undefined
      ? {
          accessibleNamespaces: flags.accessibleNamespaces
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
  };
  const none = async (): Promise<void> => {};
  if (flags.prometheus !== undefined) {
    return {
      options: { ...base, prometheusUrl: flags.prometheus.replace(/\/$/, '') },
      message: `Traffic graph: Prometheus ${flags.prometheus}`,
      stop: none,
    };
  }
  if (source instanceof DemoMeshSource) {
    const every = demoScrapeSeconds(source.simulator.proxies.length);
    const started = await startLocalPrometheus(source.simulator.metricsUrl, {
      scrapeIntervalSeconds: every,
    });
    if (started.ok) {
      return {
        options: { ...base, prometheusUrl: started.prometheus.url, prometheusStarted: true },
        message: `Traffic graph: started prometheus at ${started.prometheus.url}, scraping the demo mesh every ${every === 1 ? 'second' : `${every} s`} (stopped with meshlens)`,
        stop: started.prometheus.stop,
      };
    }
    const why = `No traffic graph: ${started.reason}. Install Prometheus (Debian/Ubuntu: apt-get install prometheus) and restart meshlens serve, or pass --prometheus <URL>.`;
    return { options: { ...base, trafficUnavailable: why }, message: why, stop: none };
  }
  return {
    options: { ...base, trafficUnavailable: NO_PROMETHEUS },
    message: 'Traffic graph: off (no --prometheus <URL>); the config topology still works.',
    stop: none,
  };
}
