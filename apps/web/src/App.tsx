import { useCallback, useEffect, useRef, useState } from 'react';
import { DemoProxyList } from './demo/DemoProxyList';
import { DiffPage } from './diff/DiffPage';
import { closeDiff } from './diff/diffUrlState';
import { useDemoMesh } from './demo/useDemoMesh';
import { DumpTabs } from './dumps/DumpTabs';
import { LoadStatus } from './dumps/LoadStatus';
import { type OpenDump, useDumps } from './dumps/useDumps';
import { defaultGraphViewState } from './graph';
import { MeshPage } from './mesh/MeshPage';
import { closeMeshPage, openMeshPage, updateMeshState } from './mesh/meshNavigation';
import { useCapabilities } from './mesh/useMeshApi';
import { ProxyOverview } from './overview/ProxyOverview';
import { RedactExport } from './redact/RedactExport';
import { useDumpSources } from './redact/useDumpSources';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { SaveSnapshot } from './snapshots/SaveSnapshot';
import { SnapshotsLayer, SnapshotsNav } from './snapshots/SnapshotsLayer';
import { useSnapshotShell } from './snapshots/useSnapshotShell';
import { TablesView } from './tables/TablesView';
import { TracedGraph } from './trace/TracedGraph';
import { TraceView } from './trace/TraceView';
import { ThemeToggle } from './theme/ThemeToggle';
import { TopologyPage } from './topology/TopologyPage';
import { useTopologyUrlState } from './topology/useTopologyUrlState';
import { useTheme } from './theme/useTheme';
import { FileInput } from './upload/FileInput';
import { Landing } from './upload/Landing';
import { PastePanel } from './upload/PastePanel';
import { useWindowDrop } from './upload/useWindowDrop';
import { appViews, type AppView } from './urlState/appUrlState';
import { useUrlState } from './urlState/useUrlState';

const viewLabel: Record<AppView, string> = {
  overview: 'Overview',
  graph: 'Graph',
  tables: 'Tables',
  trace: 'Trace',
};

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')
  );
}

/** The Meshlens shell: dump tabs, loading, the three views, and the URL that remembers them. */
export function App(): React.JSX.Element {
  const [theme, toggleTheme] = useTheme();
  const [url, setUrl] = useUrlState();
  // After useUrlState: its effect rewrites the query string, this one puts the topology keys back.
  const [topo, setTopo] = useTopologyUrlState();
  const { dumps, jobs, failures, load: loadDump, cancel, close, dismissFailure } = useDumps();
  // Every load goes through here, so the redacted export can re-read a dump's File or text.
  const { load, sourceOf } = useDumpSources(loadDump);
  const demo = useDemoMesh(load);
  const [pasteOpen, setPasteOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const hadViewParams = useRef(window.location.search.length > 1);

  const selected = dumps.find((d) => d.label === url.dump);
  // The mesh page (when the server has a mesh source) replaces the dump views; the tabs stay.
  const caps = useCapabilities();
  const meshOpen = url.mesh?.open === true;
  // Opening the mesh page closes the topology page that would cover it.
  useEffect(() => {
    if (meshOpen) setTopo((prev) => (prev.open ? { ...prev, open: false } : prev));
  }, [meshOpen, setTopo]);
  // A shared compare link opens on the landing page (to open the files), then on the compare view.
  const diffOpen = url.diff !== undefined && !meshOpen && dumps.length > 0;
  const current = meshOpen || diffOpen ? undefined : selected;
  // Saved snapshots (when the server keeps them) and the `/?snapshot=<id>` permalink.
  const snap = useSnapshotShell({
    store: caps.data?.snapshots,
    load,
    dumps,
    setUrl,
    navigationKey: `${url.dump}\n${meshOpen}\n${diffOpen}\n${topo.open}`,
  });

  /** Selects one of just-opened dumps: the one the URL names (restoring its view), else the first. */
  const selectOpened = useCallback(
    (opened: OpenDump[]) => {
      const first = opened[0];
      if (first === undefined) return;
      setUrl((prev) =>
        closeMeshPage(
          opened.some((d) => d.label === prev.dump)
            ? prev
            : { ...prev, dump: first.label, graph: defaultGraphViewState },
        ),
      );
    },
    [setUrl],
  );

  const openFiles = useCallback(
    async (files: File[]) => {
      const opened = await Promise.all(
        files.map((f) => load({ kind: 'blob', name: f.name, blob: f })),
      );
      selectOpened(opened.filter((d): d is OpenDump => d !== undefined));
    },
    [load, selectOpened],
  );

  const openText = useCallback(
    async (text: string) => {
      const d = await load({ kind: 'text', name: 'pasted dump', text });
      if (d) selectOpened([d]);
    },
    [load, selectOpened],
  );

  const dragging = useWindowDrop(openFiles);

  // Ctrl+V anywhere outside a text field opens the clipboard text as a dump.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent): void => {
      if (isEditable(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      void openText(text);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [openText]);

  // A closed or renamed selection falls back to an open dump, so a tab is always selected.
  useEffect(() => {
    const fallback = dumps[dumps.length - 1];
    if (selected === undefined && fallback !== undefined && jobs.length === 0) {
      setUrl((prev) => ({ ...prev, dump: fallback.label, graph: defaultGraphViewState }));
    }
  }, [selected, dumps, jobs.length, setUrl]);

  const startDemo = useCallback(async () => selectOpened(await demo.start()), [demo, selectOpened]);

  // `/?demo` (what `npm start` prints) opens the demo mesh straight on the graph of productpage's
  // sidecar, so a newcomer lands on a real picture. Read once: the URL state drops the flag.
  const demoRequested = useRef(new URLSearchParams(window.location.search).has('demo'));
  useEffect(() => {
    if (!demoRequested.current) return;
    demoRequested.current = false;
    void demo.start().then((opened) => {
      const first = opened[0];
      if (first) setUrl((prev) => ({ ...prev, dump: first.label, view: 'graph' }));
    });
  }, [demo, setUrl]);

  const selectDump = (d: OpenDump): void =>
    setUrl((prev) =>
      closeDiff(
        closeMeshPage(
          prev.dump === d.label ? prev : { ...prev, dump: d.label, graph: defaultGraphViewState },
        ),
      ),
    );

  // Compare the selected dump (right, drawn) with the tab before it (left, "before").
  const openCompare = (): void =>
    setUrl((prev) => {
      const right = selected ?? dumps[dumps.length - 1];
      const left = dumps.filter((d) => d !== right).at(right ? dumps.indexOf(right) - 1 : -1);
      return right && left ? { ...prev, diff: { left: left.label, right: right.label } } : prev;
    });

  const closeDump = (d: OpenDump): void => {
    const i = dumps.indexOf(d);
    const rest = dumps.filter((x) => x !== d);
    close(d.id);
    if (d.label === url.dump) {
      const next = rest[Math.min(i, rest.length - 1)];
      setUrl((prev) => {
        const { dump: _closed, ...without } = prev;
        return next ? { ...prev, dump: next.label, graph: defaultGraphViewState } : without;
      });
    }
  };

  const goToNode = useCallback(
    (nodeId: string) =>
      setUrl((prev) => ({
        ...prev,
        view: 'graph',
        graph: { ...prev.graph, selected: nodeId, focus: nodeId },
      })),
    [setUrl],
  );

  const pickFile = (): void => fileInput.current?.click();
  const hasDumps = dumps.length > 0;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand" title="Meshlens">
          <svg viewBox="0 0 32 32" width="20" height="20" aria-hidden>
            <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="3" />
            <circle cx="16" cy="16" r="5" fill="currentColor" />
          </svg>
          <span>Meshlens</span>
        </div>
        <DumpTabs
          dumps={dumps}
          selectedId={current?.id}
          onSelect={selectDump}
          onClose={closeDump}
        />
        <div className="topbar__actions">
          {hasDumps && (
            <>
              <button type="button" className="btn" onClick={pickFile}>
                Open…
              </button>
              <button
                type="button"
                className="btn"
                data-testid="paste-open"
                onClick={() => setPasteOpen(true)}
              >
                Paste
              </button>
              <button
                type="button"
                className="btn"
                data-testid="try-demo"
                disabled={demo.busy}
                onClick={() => void startDemo()}
              >
                Demo mesh
              </button>
            </>
          )}
          {dumps.length >= 2 && (
            <button
              type="button"
              className={`btn${diffOpen ? ' btn--on' : ''}`}
              data-testid="compare-open"
              aria-pressed={diffOpen}
              title="Compare two open dumps"
              onClick={openCompare}
            >
              Compare
            </button>
          )}
          {(caps.data?.mesh || url.mesh?.upload) && (
            <button
              type="button"
              className={`btn${meshOpen ? ' nav-mesh--on' : ''}`}
              data-testid="nav-mesh"
              aria-pressed={meshOpen}
              title={caps.data?.mesh?.summary}
              onClick={() => setUrl(openMeshPage)}
            >
              Mesh
            </button>
          )}
          <SnapshotsNav shell={snap} />
          <button
            type="button"
            className={`btn${topo.open ? ' btn--on' : ''}`}
            data-testid="nav-topology"
            aria-pressed={topo.open}
            onClick={() => setTopo((prev) => ({ ...prev, open: !prev.open }))}
          >
            Topology
          </button>
          <ThemeToggle theme={theme} onToggle={toggleTheme} />
        </div>
      </header>
      <FileInput ref={fileInput} onFiles={(files) => void openFiles(files)} />

      {current && (
        <nav className="subbar" aria-label="Views">
          <div className="seg">
            {appViews.map((v) => (
              <button
                type="button"
                key={v}
                className={`seg__btn${url.view === v ? ' seg__btn--on' : ''}`}
                aria-current={url.view === v ? 'page' : undefined}
                data-testid={`nav-${v}`}
                onClick={() => setUrl((prev) => ({ ...prev, view: v }))}
              >
                {viewLabel[v]}
              </button>
            ))}
          </div>
          <span className="subbar__node muted" title={current.dump.node?.id}>
            {current.dump.node
              ? [current.dump.node.proxyType, current.dump.node.namespace, current.dump.node.ip]
                  .filter(Boolean)
                  .join(' · ')
              : 'no node information in this dump'}
          </span>
          <RedactExport dump={current} source={() => sourceOf(current.id)} />
          {snap.enabled && <SaveSnapshot dump={current} source={() => sourceOf(current.id)} />}
          {demo.proxies && (
            <DemoProxyList
              proxies={demo.proxies}
              openLabels={dumps.map((d) => d.label)}
              onOpen={(p) => void demo.open(p).then((d) => d && selectOpened([d]))}
            />
          )}
        </nav>
      )}

      <LoadStatus jobs={jobs} failures={failures} onCancel={cancel} onDismiss={dismissFailure} />
      <SnapshotsLayer shell={snap} />
      {demo.error && (
        <div className="banner banner--error" role="alert" data-testid="demo-error">
          {demo.error}
        </div>
      )}
      {pasteOpen && (
        <PastePanel
          onClose={() => setPasteOpen(false)}
          onSubmit={(text) => {
            setPasteOpen(false);
            void openText(text);
          }}
        />
      )}

      <main className="main">
        {meshOpen && url.mesh && (
          <ErrorBoundary name="mesh" resetKey="mesh">
            <MeshPage
              state={url.mesh}
              onStateChange={(update) => setUrl((prev) => updateMeshState(prev, update))}
              liveSource={caps.data?.mesh}
              load={load}
              openDumps={dumps}
              onCloseDump={close}
              onOpened={(d) =>
                setUrl((prev) =>
                  closeMeshPage({
                    ...prev,
                    dump: d.label,
                    view: 'graph',
                    graph: defaultGraphViewState,
                  }),
                )
              }
            />
          </ErrorBoundary>
        )}
        {diffOpen && url.diff && (
          <ErrorBoundary name="compare" resetKey={`${url.diff.left}\n${url.diff.right}`}>
            <DiffPage
              dumps={dumps}
              state={url.diff}
              onStateChange={(diff) => setUrl((prev) => ({ ...prev, diff }))}
              onClose={() => setUrl(closeDiff)}
              theme={theme}
              sourceOf={sourceOf}
            />
          </ErrorBoundary>
        )}
        {!current && !meshOpen && !diffOpen && (
          <Landing
            onPickFile={pickFile}
            onPaste={() => setPasteOpen(true)}
            onDemo={() => void startDemo()}
            demoBusy={demo.busy}
            hasViewParams={hadViewParams.current && !hasDumps && !snap.fromLink}
          />
        )}
        {current && url.view === 'overview' && (
          <ErrorBoundary name="overview" resetKey={`${current.id}`}>
            <ProxyOverview
              dump={current.dump}
              onOpenTable={(t) =>
                setUrl((prev) => ({ ...prev, view: 'tables', table: t, filter: '' }))
              }
              onGoToNode={goToNode}
            />
          </ErrorBoundary>
        )}
        {current && url.view === 'graph' && (
          <ErrorBoundary name="graph" resetKey={`${current.id}`}>
            <TracedGraph
              dump={current.dump}
              dumpLabel={current.label}
              state={url.graph}
              onStateChange={(graph) => setUrl((prev) => ({ ...prev, graph }))}
              theme={theme}
              onOpenTrace={() => setUrl((prev) => ({ ...prev, view: 'trace' }))}
            />
          </ErrorBoundary>
        )}
        {current && url.view === 'trace' && (
          <ErrorBoundary name="trace" resetKey={`${current.id}`}>
            <TraceView
              dump={current.dump}
              dumpLabel={current.label}
              state={url.graph}
              onStateChange={(graph) => setUrl((prev) => ({ ...prev, graph }))}
              theme={theme}
            />
          </ErrorBoundary>
        )}
        {current && url.view === 'tables' && (
          <ErrorBoundary name="tables" resetKey={`${current.id}:${url.table}`}>
            <TablesView
              dump={current.dump}
              table={url.table}
              filter={url.filter}
              sort={url.sort}
              onTableChange={(table) =>
                setUrl((prev) => {
                  const { sort: _sort, ...rest } = prev;
                  return { ...rest, table, filter: '' };
                })
              }
              onFilterChange={(filter) => setUrl((prev) => ({ ...prev, filter }))}
              onSortChange={(sort) =>
                setUrl((prev) => {
                  const { sort: _old, ...rest } = prev;
                  return sort ? { ...rest, sort } : rest;
                })
              }
              onGoToNode={goToNode}
            />
          </ErrorBoundary>
        )}
      </main>
      {topo.open && (
        <div className="topo-overlay">
          <ErrorBoundary name="topology" resetKey="topology">
            <TopologyPage
              state={topo}
              onStateChange={setTopo}
              theme={theme}
              load={load}
              onOpened={(d) => {
                setTopo((prev) => ({ ...prev, open: false }));
                selectOpened([d]);
                setUrl((prev) => ({ ...prev, dump: d.label, view: 'overview' }));
              }}
            />
          </ErrorBoundary>
        </div>
      )}

      {dragging && (
        <div className="drop-overlay" aria-hidden>
          <div>Drop to open (parsed in your browser)</div>
        </div>
      )}
    </div>
  );
}
