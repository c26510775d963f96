import type { Core } from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getBlob, getJson } from '../demo/apiClient';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';
import { exportPng, exportSvg } from '../graph/exportGraph';
import { graphPalette } from '../graph/graphTheme';
import { bothModel } from './bothModel';
import { proxyOfWorkload } from './configBehind';
import { lockGlyph } from './lockGlyph';
import { parseTopoExpression } from './topoExpression';
import { configModel, trafficModel, type TopoModel } from './topoModel';
import { TopologyCanvas } from './TopologyCanvas';
import { TopologyToolbar } from './TopologyToolbar';
import { TopoSidePanel } from './TopoSidePanel';
import { collapseBoxes, findMatching, hideMatching } from './topoView';
import type { TopoUrlState } from './topoUrlState';
import {
  trafficGraphPath,
  useConfigTopology,
  useTopologyStatus,
  useTrafficGraph,
} from './useTopologyData';
import { useTopologyTestHook } from './useTopologyTestHook';
import './topology.css';

/** Above this many elements the page asks for a narrower scope before drawing. */
export const SCOPE_LIMIT = 2000;

/** Above this many elements the page opens with every namespace collapsed into a box. */
export const AUTO_BOX_LIMIT = 600;

/** Props of the topology page. */
export interface TopologyPageProps {
  state: TopoUrlState;
  onStateChange: (update: (prev: TopoUrlState) => TopoUrlState) => void;
  theme: 'light' | 'dark';
  /** Parses a fetched proxy dump like an upload. */
  load: (source: ParseSource) => Promise<OpenDump | undefined>;
  /** A proxy view was opened (the page closes and shows that dump). */
  onOpened: (d: OpenDump) => void;
}

const empty: TopoModel = { nodes: [], edges: [] };

/** The service topology: config graph, traffic graph (Kiali's), or both compared. */
export function TopologyPage(p: TopologyPageProps): React.JSX.Element {
  const { state: s, onStateChange: setState } = p;
  const status = useTopologyStatus();
  const config = useConfigTopology(status.data?.config === true);
  const cluster = status.data?.clusterName ?? 'Kubernetes';
  const configGraph = config.data?.graph;
  const namespaces = useMemo(() => {
    if (s.namespaces.length > 0) return s.namespaces;
    return [...new Set((configGraph?.nodes ?? []).map((n) => n.namespace).filter(Boolean))].sort();
  }, [s.namespaces, configGraph]);
  const wantsTraffic =
    s.mode !== 'config' && status.data?.traffic === true && namespaces.length > 0;
  const graphType = s.mode === 'both' ? 'workload' : s.graphType;
  const traffic = useTrafficGraph(
    wantsTraffic ? trafficGraphPath(namespaces, graphType, s.duration) : undefined,
  );
  const [allowLarge, setAllowLarge] = useState(false);
  const [selected, setSelected] = useState<{ id: string; group: 'node' | 'edge' } | undefined>();
  const [proxyStatus, setProxyStatus] = useState<string | undefined>();
  const cyRef = useRef<Core | undefined>(undefined);
  const [ready, setReady] = useState(false);

  const model = useMemo((): TopoModel => {
    if (s.mode === 'config') {
      if (!configGraph) return empty;
      const m = configModel(configGraph, cluster);
      if (s.namespaces.length === 0) return m;
      const keep = new Set(s.namespaces);
      const nodes = m.nodes.filter((n) => keep.has(n.namespace) || n.box === 'cluster');
      const ids = new Set(nodes.map((n) => n.id));
      return { nodes, edges: m.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
    }
    if (!traffic.data) return empty;
    if (s.mode === 'both' && configGraph) return bothModel(configGraph, traffic.data, cluster);
    return trafficModel(traffic.data);
  }, [s.mode, s.namespaces, configGraph, traffic.data, cluster]);

  const find = useMemo(() => parseTopoExpression(s.find), [s.find]);
  const hide = useMemo(() => parseTopoExpression(s.hide), [s.hide]);
  const findExpr = find.ok ? find.expression : undefined;
  const hideExpr = hide.ok ? hide.expression : undefined;
  // A big graph opens boxed by namespace until the user expands or collapses something.
  const [boxTouched, setBoxTouched] = useState(false);
  const boxIds = useMemo(
    () => model.nodes.filter((n) => n.box === 'namespace').map((n) => n.id),
    [model],
  );
  const autoBoxed =
    !boxTouched &&
    s.collapsed.length === 0 &&
    model.nodes.length + model.edges.length > AUTO_BOX_LIMIT;
  const collapsed = autoBoxed ? boxIds : s.collapsed;
  const collapsedKey = collapsed.join(',');
  const toggleBox = useCallback(
    (id: string) => {
      setBoxTouched(true);
      setState((prev) => {
        const now = autoBoxed ? boxIds : prev.collapsed;
        return {
          ...prev,
          collapsed: now.includes(id) ? now.filter((x) => x !== id) : [...now, id],
        };
      });
    },
    [autoBoxed, boxIds, setState],
  );
  const { drawn, hidden } = useMemo(() => {
    const h = hideMatching(model, hideExpr);
    return {
      drawn: collapseBoxes(h.model, new Set(collapsedKey ? collapsedKey.split(',') : [])),
      hidden: h.hidden,
    };
  }, [model, hideExpr, collapsedKey]);
  const found = useMemo(() => findMatching(drawn, findExpr), [drawn, findExpr]);
  const size = drawn.nodes.length + drawn.edges.length;
  const tooLarge = size > SCOPE_LIMIT && !allowLarge;

  useTopologyTestHook(
    tooLarge ? empty : drawn,
    found,
    hidden,
    ready && !tooLarge,
    s.mode,
    ready ? cyRef.current : undefined,
  );

  const onReady = useCallback((cy: Core | undefined) => {
    cyRef.current = cy;
    setReady(cy !== undefined);
  }, []);

  const openProxy = useCallback(
    async (workloadId: string) => {
      if (!configGraph) return;
      let proxy = proxyOfWorkload(configGraph, workloadId);
      const [ns, name] = workloadId.slice(3).split('/');
      if (proxy === undefined && ns && name) {
        // Not in the config graph: match the live proxy list by pod-name prefix.
        const list = await getJson<{ proxies: { id: string; name: string; namespace: string }[] }>(
          '/api/mesh/proxies',
        ).catch(() => undefined);
        proxy = list?.proxies.find((x) => x.namespace === ns && x.name.startsWith(`${name}-`))?.id;
      }
      if (proxy === undefined) {
        setProxyStatus('No proxy of this workload in the mesh source: nothing to open.');
        return;
      }
      setProxyStatus(`Opening the proxy view of ${proxy}…`);
      try {
        const blob = await getBlob(`/api/mesh/proxies/${encodeURIComponent(proxy)}/config_dump`);
        const d = await p.load({
          kind: 'blob',
          name: `${proxy.split('.')[0] ?? proxy}.json`,
          blob,
        });
        if (d) p.onOpened(d);
        else setProxyStatus(`The config dump of ${proxy} could not be parsed.`);
      } catch (err) {
        setProxyStatus(
          `Could not fetch ${proxy}'s config dump: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    },
    [configGraph, p],
  );

  const onTap = useCallback(
    (id: string, group: 'node' | 'edge') => {
      setSelected({ id, group });
      setProxyStatus(undefined);
      if (group === 'node' && id.startsWith('wl:')) void openProxy(id);
    },
    [openProxy],
  );

  const palette = useMemo(() => graphPalette(p.theme), [p.theme]);
  const node =
    selected?.group === 'node' ? drawn.nodes.find((n) => n.id === selected.id) : undefined;
  const edge =
    selected?.group === 'edge' ? drawn.edges.find((e) => e.id === selected.id) : undefined;

  useEffect(() => setAllowLarge(false), [s.namespaces]);

  const trafficMessage =
    s.mode === 'config'
      ? undefined
      : status.data && !status.data.traffic
        ? status.data.trafficUnavailable
        : traffic.error
          ? `The traffic graph failed: ${traffic.error.message || 'see the server log'}`
          : traffic.data && traffic.data.elements.edges.length === 0
            ? `No traffic in the last ${s.duration} yet${status.data?.prometheusStarted ? ' (the demo Prometheus started with meshlens; its first scrapes take a few seconds)' : ''}. The graph refreshes every 10 s.`
            : undefined;

  return (
    <section className="topo-page" data-testid="topology-page">
      <TopologyToolbar
        state={s}
        onChange={setState}
        findError={find.ok ? undefined : find.message}
        hideError={hide.ok ? undefined : hide.message}
        canExport={ready && !tooLarge}
        onExportPng={() => cyRef.current && exportPng(cyRef.current, 2, palette.bg, 'topology')}
        onExportSvg={() => cyRef.current && exportSvg(cyRef.current, 1, palette.bg, 'topology')}
        onCollapseAll={() => {
          setBoxTouched(true);
          setState((prev) => ({
            ...prev,
            collapsed: (autoBoxed ? boxIds : prev.collapsed).length > 0 ? [] : boxIds,
          }));
        }}
      />
      {(!find.ok || !hide.ok) && (
        <div className="banner banner--error" role="alert" data-testid="topo-expression-error">
          {!find.ok ? `Find: ${find.message}` : ''} {!hide.ok ? `Hide: ${hide.message}` : ''}
        </div>
      )}
      {status.error && (
        <div className="banner banner--error" role="alert">
          The topology API is not available: {status.error.message}
        </div>
      )}
      {(status.isLoading || config.isLoading || (wantsTraffic && traffic.isLoading)) && (
        <div className="banner" role="status" data-testid="topo-loading">
          {config.isLoading
            ? 'Reading the configuration of every proxy…'
            : 'Reading the traffic graph from Prometheus…'}
        </div>
      )}
      {config.error && (
        <div className="banner banner--error" role="alert">
          The config topology failed: {config.error.message}
        </div>
      )}
      {trafficMessage && (
        <div className="banner" role="status" data-testid="topo-traffic-message">
          {trafficMessage}
        </div>
      )}
      {config.data && config.data.problems.length > 0 && (
        <details className="topo-problems">
          <summary>{config.data.problems.length} source problem(s)</summary>
          <ul>
            {config.data.problems.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="topo-body">
        {tooLarge ? (
          <div className="topo-scope" data-testid="topo-scope-prompt">
            <p>
              This graph has {size.toLocaleString()} elements. Pick fewer namespaces (the Namespaces
              field), collapse the boxes, or draw it anyway.
            </p>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setBoxTouched(true);
                setState((prev) => ({ ...prev, collapsed: boxIds }));
              }}
            >
              Collapse namespaces
            </button>{' '}
            <button
              type="button"
              className="btn"
              data-testid="topo-draw-anyway"
              onClick={() => setAllowLarge(true)}
            >
              Draw anyway
            </button>
          </div>
        ) : (
          <TopologyCanvas
            model={drawn}
            labels={s.edgeLabels}
            layout={s.layout}
            palette={palette}
            found={found}
            selected={selected?.id}
            onTap={onTap}
            onDoubleTapBox={toggleBox}
            onTapBackground={() => setSelected(undefined)}
            onReady={onReady}
          />
        )}
        {(node || edge) && (
          <TopoSidePanel
            node={node}
            edge={edge}
            config={configGraph}
            proxyStatus={proxyStatus}
            onToggleBox={node?.box ? () => toggleBox(node.id) : undefined}
            onClose={() => setSelected(undefined)}
          />
        )}
      </div>
      <p className="topo-legend muted">
        Shapes: app ▢ · workload ◯ · service △ · gateway ⬡ · ServiceEntry ◇. Border: green healthy,
        amber errors &gt; 0.1 %, red ≥ 20 %. Dashed: configured, no traffic. Orange “! no config”:
        traffic no configuration explains. {lockGlyph()}: mTLS. Double-click a box to collapse it.
      </p>
    </section>
  );
}
