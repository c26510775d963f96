import type { DiffKind, DumpDiff, ObjectChange, SkippedComparison } from '@meshlens/diff';
import { changeKey, changeNodeId, displayStatus, sideOf } from './changeNodeId';

/** What the list and the graph need of one change (its fields and raw JSON stay in the worker). */
export interface ChangeSummary {
  /** Position in the full diff's `changes` (asked for when the change is selected). */
  index: number;
  kind: DiffKind;
  /** Display identity (see `ObjectChange.id`). */
  id: string;
  /** `<kind>:<id>`: the list key and the URL's `d.s`. */
  key: string;
  status: ObjectChange['status'];
  /** The list's badge: `moved` for a change of position only. */
  display: ReturnType<typeof displayStatus>;
  /** The graph node drawing the object on its side, when the graph draws that kind. */
  nodeId: string | undefined;
}

/**
 * The compare view's copy of a diff: one small record per change. A big pair of sidecars differs
 * in tens of thousands of objects (measured: 27,157 changes, 37 MB of JSON, between two 40 MB demo
 * sidecars); cloning all of that into the page froze it for seconds.
 */
export interface DiffSummary {
  changes: ChangeSummary[];
  skipped: SkippedComparison[];
  identical: boolean;
}

/** The summary of a diff (see `DiffSummary`). */
export function summarizeDiff(diff: DumpDiff): DiffSummary {
  return {
    changes: diff.changes.map((c, index) => ({
      index,
      kind: c.kind,
      id: c.id,
      key: changeKey(c),
      status: c.status,
      display: displayStatus(c),
      nodeId: changeNodeId(c, sideOf(c)),
    })),
    skipped: diff.skipped,
    identical: diff.identical,
  };
}

const STATUSES = ['added', 'removed', 'changed'] as const;
const DISPLAYS = ['added', 'removed', 'changed', 'moved'] as const;

/**
 * A summary laid out for `postMessage`: parallel arrays of strings and bytes clone in a fraction
 * of the time of one object per change (measured: ~0.5 s for 27,157 objects on a busy machine).
 */
export interface PackedDiffSummary {
  kinds: DiffKind[];
  /** Per change: index into `kinds`, `STATUSES`, `DISPLAYS`. */
  kind: Uint8Array;
  status: Uint8Array;
  display: Uint8Array;
  ids: string[];
  /** Graph node id per change ('' when the graph does not draw the kind). */
  nodeIds: string[];
  skipped: SkippedComparison[];
  identical: boolean;
}

/** The summary as parallel arrays (see `PackedDiffSummary`). */
export function packDiffSummary(s: DiffSummary): PackedDiffSummary {
  const kinds = [...new Set(s.changes.map((c) => c.kind))];
  const n = s.changes.length;
  const packed: PackedDiffSummary = {
    kinds,
    kind: new Uint8Array(n),
    status: new Uint8Array(n),
    display: new Uint8Array(n),
    ids: new Array<string>(n),
    nodeIds: new Array<string>(n),
    skipped: s.skipped,
    identical: s.identical,
  };
  s.changes.forEach((c, i) => {
    packed.kind[i] = kinds.indexOf(c.kind);
    packed.status[i] = STATUSES.indexOf(c.status);
    packed.display[i] = DISPLAYS.indexOf(c.display);
    packed.ids[i] = c.id;
    packed.nodeIds[i] = c.nodeId ?? '';
  });
  return packed;
}

/** The summary back from parallel arrays. */
export function unpackDiffSummary(p: PackedDiffSummary): DiffSummary {
  const changes = p.ids.map((id, index): ChangeSummary => {
    const kind = p.kinds[p.kind[index]!]!;
    return {
      index,
      kind,
      id,
      key: `${kind}:${id}`,
      status: STATUSES[p.status[index]!]!,
      display: DISPLAYS[p.display[index]!]!,
      nodeId: p.nodeIds[index] || undefined,
    };
  });
  return { changes, skipped: p.skipped, identical: p.identical };
}
