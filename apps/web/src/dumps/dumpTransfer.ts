import type { ConfigDump, DumpIndex } from '@meshlens/configdump';

/**
 * Moving a parsed dump from the worker to the page in parts. One `postMessage` of a 50 MB dump's
 * model costs the page seconds of deserialisation in a single task (a frozen tab); split into
 * parts, each message is deserialised in its own short task and the page keeps painting.
 * Object identity only survives within one message, so the index maps travel as positions into
 * the arrays and are rebuilt on arrival.
 */

/** The big arrays of the model, sent in slices. */
export type DumpArrayKey =
  | 'listeners'
  | 'routeConfigs'
  | 'scopedRouteConfigs'
  | 'clusters'
  | 'endpoints'
  | 'secrets'
  | 'extensionConfigs';

type Item<K extends DumpArrayKey> = ConfigDump[K][number];

/** Items per message, by kind: tuned for roughly a megabyte per part on real sidecar dumps. */
export const sliceSizes: Record<DumpArrayKey, number> = {
  listeners: 40,
  routeConfigs: 2,
  scopedRouteConfigs: 200,
  clusters: 300,
  endpoints: 300,
  secrets: 200,
  extensionConfigs: 200,
};

const arrayKeys = Object.keys(sliceSizes) as DumpArrayKey[];

/** The index maps and the array whose objects they hold. */
const mapArrays = {
  listenerByName: 'listeners',
  routeConfigByName: 'routeConfigs',
  clusterByName: 'clusters',
  endpointsByCluster: 'endpoints',
  secretByName: 'secrets',
  extensionConfigByName: 'extensionConfigs',
} as const satisfies Partial<Record<keyof DumpIndex, DumpArrayKey>>;

type MapKey = keyof typeof mapArrays;

/** A map entry: a position in its array, or (for objects not in the array) the object itself. */
type EntryPlan<V> = [key: string, at: number] | [key: string, at: -1, value: V];

type IndexPlan = { [M in MapKey]: EntryPlan<Item<(typeof mapArrays)[M]>>[] } & Pick<
  DumpIndex,
  'references' | 'dangling'
>;

/** Everything but the big arrays, plus the index as positions. Sent last. */
export interface DumpShell {
  rest: Omit<ConfigDump, DumpArrayKey | 'index'>;
  index: IndexPlan;
}

/** One message's worth of the model. */
export type DumpPart =
  { kind: 'slice'; key: DumpArrayKey; items: unknown[] } | { kind: 'shell'; shell: DumpShell };

function plan<M extends MapKey>(dump: ConfigDump, m: M): IndexPlan[M] {
  const array = dump[mapArrays[m]] as readonly object[];
  const position = new Map<object, number>();
  array.forEach((o, i) => position.set(o, i));
  const out: EntryPlan<object>[] = [];
  for (const [key, value] of dump.index[m] as Map<string, object>) {
    const at = position.get(value);
    out.push(at === undefined ? [key, -1, value] : [key, at]);
  }
  return out as IndexPlan[M];
}

/** Splits a dump into parts, in sending order (slices first, the shell last). */
export function splitDump(dump: ConfigDump): DumpPart[] {
  const parts: DumpPart[] = [];
  for (const key of arrayKeys) {
    const array = dump[key] as readonly unknown[];
    const size = sliceSizes[key];
    for (let i = 0; i < array.length; i += size) {
      parts.push({ kind: 'slice', key, items: array.slice(i, i + size) });
    }
  }
  const { index, ...rest } = dump;
  const restOnly = { ...rest } as Partial<ConfigDump>;
  for (const key of arrayKeys) delete restOnly[key];
  parts.push({
    kind: 'shell',
    shell: {
      rest: restOnly as DumpShell['rest'],
      index: {
        listenerByName: plan(dump, 'listenerByName'),
        routeConfigByName: plan(dump, 'routeConfigByName'),
        clusterByName: plan(dump, 'clusterByName'),
        endpointsByCluster: plan(dump, 'endpointsByCluster'),
        secretByName: plan(dump, 'secretByName'),
        extensionConfigByName: plan(dump, 'extensionConfigByName'),
        references: index.references,
        dangling: index.dangling,
      },
    },
  });
  return parts;
}

function rebuild<M extends MapKey>(
  arrays: Record<DumpArrayKey, unknown[]>,
  m: M,
  entries: IndexPlan[M],
): DumpIndex[M] {
  const array = arrays[mapArrays[m]];
  const map = new Map<string, unknown>();
  for (const e of entries as EntryPlan<unknown>[]) map.set(e[0], e[1] === -1 ? e[2] : array[e[1]]);
  return map as DumpIndex[M];
}

/** Collects parts on the page side and puts the dump back together. */
export class DumpAssembler {
  private readonly arrays = Object.fromEntries(arrayKeys.map((k) => [k, []])) as unknown as Record<
    DumpArrayKey,
    unknown[]
  >;
  private shell: DumpShell | undefined;

  add(part: DumpPart): void {
    if (part.kind === 'shell') this.shell = part.shell;
    else for (const item of part.items) this.arrays[part.key].push(item);
  }

  /** The whole dump, once the shell (the last part) has arrived. */
  result(): ConfigDump | undefined {
    const shell = this.shell;
    if (shell === undefined) return undefined;
    const a = this.arrays;
    const p = shell.index;
    return {
      ...shell.rest,
      ...(a as unknown as Pick<ConfigDump, DumpArrayKey>),
      index: {
        listenerByName: rebuild(a, 'listenerByName', p.listenerByName),
        routeConfigByName: rebuild(a, 'routeConfigByName', p.routeConfigByName),
        clusterByName: rebuild(a, 'clusterByName', p.clusterByName),
        endpointsByCluster: rebuild(a, 'endpointsByCluster', p.endpointsByCluster),
        secretByName: rebuild(a, 'secretByName', p.secretByName),
        extensionConfigByName: rebuild(a, 'extensionConfigByName', p.extensionConfigByName),
        references: p.references,
        dangling: p.dangling,
      },
    };
  }
}
