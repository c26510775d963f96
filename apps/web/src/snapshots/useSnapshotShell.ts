import { snapshotIdFromQuery, type SnapshotMeta } from '@meshlens/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';
import { closeMeshPage } from '../mesh/meshNavigation';
import type { AppUrlState } from '../urlState/appUrlState';
import { describeSnapshotError } from './describeSnapshotError';
import { getSnapshot, getSnapshotDump } from './snapshotClient';
import { rememberSnapshotOrigin } from './snapshotOrigin';
import { applySnapshotViewState } from './snapshotViewState';

/** A notice about opening a snapshot (a permalink, or a list action), shown as a banner. */
export type SnapshotNotice =
  { kind: 'opening'; name: string } | { kind: 'error'; message: string } | undefined;

/** What the app shell wires into the top bar, the view bar and the snapshots page. */
export interface SnapshotShell {
  /** True when the server keeps snapshots (`/api/capabilities` announced a store). */
  enabled: boolean;
  /** The store as the server describes it, for the page header. */
  storeDescription: string | undefined;
  pageOpen: boolean;
  setPageOpen: (open: boolean) => void;
  notice: SnapshotNotice;
  dismissNotice: () => void;
  /** Ids being fetched. */
  busy: ReadonlySet<string>;
  /** Opens a snapshot as a tab named after it (or selects that tab), with its saved view. */
  open: (meta: SnapshotMeta) => Promise<void>;
  /** Opens the compare view: a snapshot on the left, another snapshot or an open tab on the right. */
  compare: (left: SnapshotMeta, right: SnapshotMeta | OpenDump) => Promise<void>;
  dumps: readonly OpenDump[];
  /** True when the page was opened through a snapshot permalink (its query is not a dump view). */
  fromLink: boolean;
}

/** Options of {@link useSnapshotShell}. */
export interface SnapshotShellOptions {
  /** The store from `/api/capabilities`, or undefined when the server keeps none. */
  store: { description: string } | undefined;
  /** The app's load (through `useDumpSources`, so a snapshot can be exported, diffed and saved again). */
  load: (source: ParseSource) => Promise<OpenDump | undefined>;
  dumps: readonly OpenDump[];
  setUrl: (update: (prev: AppUrlState) => AppUrlState) => void;
  /** Changes when the user navigates elsewhere (another tab, the mesh page...): closes the page. */
  navigationKey: string;
}

/**
 * Snapshots in the app shell: the page's open state, opening snapshots through the same parse
 * worker as uploads (tab = snapshot name, view = the saved one), the compare shortcut, and the
 * `/?snapshot=<id>` permalink, read once at start (the URL state rewrites the address right after).
 */
export function useSnapshotShell(options: SnapshotShellOptions): SnapshotShell {
  const { load, dumps, setUrl, navigationKey } = options;
  const [pageOpen, setPageOpen] = useState(false);
  const [notice, setNotice] = useState<SnapshotNotice>(undefined);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  // Which tab each snapshot was opened as, so Open and Compare reuse it instead of a copy.
  const openedAs = useRef(new Map<string, number>());
  const dumpsRef = useRef(dumps);
  dumpsRef.current = dumps;
  const permalinkId = useRef(snapshotIdFromQuery(window.location.search));
  const [fromLink] = useState(() => permalinkId.current !== undefined);

  const setBusyId = (id: string, on: boolean): void =>
    setBusy((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** The tab of a snapshot: the one already open, else a new load. Errors become the notice. */
  const tabOf = useCallback(
    async (meta: SnapshotMeta): Promise<OpenDump | undefined> => {
      const known = openedAs.current.get(meta.id);
      const open = dumpsRef.current.find((d) => d.id === known);
      if (open) return open;
      setBusyId(meta.id, true);
      try {
        const blob = await getSnapshotDump(meta.id);
        rememberSnapshotOrigin(blob, { kind: meta.kind, source: meta.source });
        // A failed parse shows the usual load banner (named after the snapshot) and resolves undefined.
        const opened = await load({ kind: 'blob', name: meta.name, blob, label: meta.name });
        if (opened) openedAs.current.set(meta.id, opened.id);
        return opened;
      } catch (err) {
        setNotice({
          kind: 'error',
          message: describeSnapshotError(err, `Could not open the snapshot “${meta.name}”`),
        });
        return undefined;
      } finally {
        setBusyId(meta.id, false);
      }
    },
    [load],
  );

  const open = useCallback(
    async (meta: SnapshotMeta): Promise<void> => {
      setNotice(undefined);
      const tab = await tabOf(meta);
      if (!tab) return;
      setPageOpen(false);
      setUrl(() => applySnapshotViewState(meta.viewState, tab.label));
    },
    [tabOf, setUrl],
  );

  const compare = useCallback(
    async (left: SnapshotMeta, right: SnapshotMeta | OpenDump): Promise<void> => {
      setNotice(undefined);
      const [a, b] = await Promise.all([
        tabOf(left),
        'createdAt' in right ? tabOf(right) : Promise.resolve(right),
      ]);
      if (!a || !b) return;
      setPageOpen(false);
      setUrl((prev) => ({
        ...closeMeshPage(prev),
        dump: b.label,
        diff: { left: a.label, right: b.label },
      }));
    },
    [tabOf, setUrl],
  );

  // The permalink: its metadata (name, view state), then its dump. Read once (StrictMode runs
  // effects twice; the ref is cleared on the first run).
  useEffect(() => {
    const id = permalinkId.current;
    if (id === undefined) return;
    permalinkId.current = undefined;
    setNotice({ kind: 'opening', name: id });
    void getSnapshot(id)
      .then(async ({ snapshot }) => {
        setNotice({ kind: 'opening', name: snapshot.name });
        await open(snapshot);
        setNotice((n) => (n?.kind === 'opening' ? undefined : n));
      })
      .catch((err: unknown) =>
        setNotice({
          kind: 'error',
          message: describeSnapshotError(err, `The snapshot link (id ${id}) could not be opened`),
        }),
      );
  }, [open]);

  // Navigating elsewhere (a tab, the mesh page, the compare view) leaves the page.
  const lastKey = useRef(navigationKey);
  useEffect(() => {
    if (lastKey.current === navigationKey) return;
    lastKey.current = navigationKey;
    setPageOpen(false);
  }, [navigationKey]);

  return {
    enabled: options.store !== undefined,
    storeDescription: options.store?.description,
    pageOpen,
    setPageOpen,
    notice,
    dismissNotice: () => setNotice(undefined),
    busy,
    open,
    compare,
    dumps,
    fromLink,
  };
}
