import cytoscape, { type Core } from 'cytoscape';
import type { ProxyGraph } from '@meshlens/proxy-graph';
import { useEffect, useRef } from 'react';
import { cytoscapeStyle } from './cytoscapeStyle';
import { fitReadable } from './fitReadable';
import type { GraphPalette } from './graphTheme';
import { toCytoscapeElements } from './toCytoscapeElements';

/** Props of the Cytoscape canvas. */
export interface GraphCanvasProps {
  graph: ProxyGraph;
  /** The view is fitted when this changes (not when a group opens: the user keeps their place). */
  fitKey: string;
  palette: GraphPalette;
  /** Search matches: highlighted, everything else dimmed. */
  matches: readonly string[];
  /** The match Enter moved to (centred). */
  current: string | undefined;
  selected: string | undefined;
  /** The focused node, drawn with an accent border. */
  focus: string | undefined;
  /** Drawn node ids on a traced request's path: lit up, with the edges between them, the rest dimmed. */
  traced: readonly string[];
  onTapNode: (id: string) => void;
  onDoubleTapNode: (id: string) => void;
  onTapBackground: () => void;
  /** Called with the instance once the current graph is drawn, and with undefined on unmount. */
  onReady: (cy: Core | undefined) => void;
}

/** The one place Cytoscape touches the DOM: draws the graph and reports taps. */
export function GraphCanvas(p: GraphCanvasProps): React.JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | undefined>(undefined);
  const handlers = useRef(p);
  handlers.current = p;
  const { graph, fitKey, palette, matches, current, selected, focus, traced } = p;
  const fittedFor = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!container.current) return undefined;
    const cy = cytoscape({
      container: container.current,
      elements: [],
      style: cytoscapeStyle(handlers.current.palette),
      layout: { name: 'preset' },
      minZoom: 0.03,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    cy.on('tap', 'node', (e) => handlers.current.onTapNode(e.target.id()));
    cy.on('dbltap', 'node', (e) => handlers.current.onDoubleTapNode(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) handlers.current.onTapBackground();
    });
    cyRef.current = cy;
    // A new instance (StrictMode mounts twice in development) has not been fitted yet.
    fittedFor.current = undefined;
    // The side panel opening or the window resizing changes the canvas size; Cytoscape only
    // watches the window, so tell it.
    const observer = new ResizeObserver(() => cy.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      handlers.current.onReady(undefined);
      cyRef.current = undefined;
      cy.destroy();
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(toCytoscapeElements(graph));
    });
    if (fittedFor.current !== fitKey) {
      // The side panel may have opened in this same render; measure before fitting.
      cy.resize();
      fitReadable(cy, handlers.current.focus !== undefined);
      fittedFor.current = fitKey;
    }
    handlers.current.onReady(cy);
  }, [graph, fitKey]);

  useEffect(() => {
    cyRef.current?.style(cytoscapeStyle(palette));
  }, [palette]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const matchSet = new Set(matches);
    const tracedSet = new Set(traced);
    cy.batch(() => {
      cy.elements().removeClass('dimmed match current selected focus-root traced');
      if (tracedSet.size > 0) {
        cy.nodes().forEach((n) => {
          n.addClass(tracedSet.has(n.id()) ? 'traced' : 'dimmed');
        });
        cy.edges().forEach((e) => {
          const on = tracedSet.has(e.source().id()) && tracedSet.has(e.target().id());
          e.addClass(on ? 'traced' : 'dimmed');
        });
      }
      if (matchSet.size > 0) {
        cy.nodes().forEach((n) => {
          if (matchSet.has(n.id())) n.addClass('match');
          else n.addClass('dimmed');
        });
        cy.edges().forEach((e) => {
          if (!matchSet.has(e.source().id()) || !matchSet.has(e.target().id()))
            e.addClass('dimmed');
        });
      }
      if (current) cy.getElementById(current).addClass('current');
      if (selected) cy.getElementById(selected).addClass('selected');
      if (focus) cy.getElementById(focus).addClass('focus-root');
    });
  }, [graph, matches, current, selected, focus, traced]);

  // A new trace (or a new picture while one is lit) brings the whole path into view, at most at
  // 100 %; opening a group keeps the user's viewport, as it does without a trace.
  const tracedKey = traced.join('\n');
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || tracedKey === '') return undefined;
    const timer = setTimeout(() => {
      const ids = new Set(tracedKey.split('\n'));
      const path = cy.nodes().filter((n) => ids.has(n.id()));
      if (path.empty()) return;
      cy.animate(
        { fit: { eles: path, padding: 40 } },
        {
          duration: 250,
          complete: () => {
            if (cy.zoom() > 1)
              cy.zoom({ level: 1, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
          },
        },
      );
    }, 60);
    return () => clearTimeout(timer);
  }, [fitKey, tracedKey]);

  // A node selected from elsewhere (a table row, the URL) may be off screen, or end up under
  // the side panel that the selection opens: bring it into view. Only as far as needed:
  // centring a focused listener pushed the right half of its fitted chain out of the canvas.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !selected) return undefined;
    const timer = setTimeout(() => {
      const node = cy.getElementById(selected);
      if (node.empty()) return;
      const vp = cy.extent();
      const b = node.boundingBox();
      const margin = 20 / cy.zoom();
      const shift = (lo: number, hi: number, vlo: number, vhi: number): number =>
        hi - lo > vhi - vlo
          ? (vlo + vhi - lo - hi) / 2
          : lo < vlo
            ? vlo - lo + margin
            : hi > vhi
              ? vhi - hi - margin
              : 0;
      const dx = shift(b.x1, b.x2, vp.x1, vp.x2);
      const dy = shift(b.y1, b.y2, vp.y1, vp.y2);
      if (dx !== 0 || dy !== 0)
        cy.animate({ panBy: { x: dx * cy.zoom(), y: dy * cy.zoom() } }, { duration: 200 });
    }, 50);
    return () => clearTimeout(timer);
  }, [graph, selected]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !current) return;
    const node = cy.getElementById(current);
    if (node.nonempty())
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 250 });
  }, [current]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" />;
}
