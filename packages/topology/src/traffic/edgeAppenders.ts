import type { KialiGraphOptions } from './graphOptions';
import type { TrafficMap } from './trafficMap';
import type { PromQueryFn } from './promVector';

/** Runs the requested edge appenders (response time, security policy) on one namespace's map. */
export async function runEdgeAppenders(
  map: TrafficMap,
  options: KialiGraphOptions,
  namespace: string,
  settings: { query: PromQueryFn; queryScope?: Readonly<Record<string, string>> },
  sent: string[],
): Promise<string | undefined> {
  void map;
  void options;
  void namespace;
  void settings;
  void sent;
  return undefined;
}
