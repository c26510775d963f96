import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef } from 'react';
import type { GraphPalette } from '../graph/graphTheme';
import { boxLayout } from './boxLayout';
import { topoElements } from './topoElements';
import type { TopoModel } from './topoModel';
import { topoStyle } from './topoStyle';
import type { TopoEdgeLabel, TopoLayout } from './topoUrlState';

cytoscape.use(dagre);

/** Above this many elements Cytoscape draws with WebGL (Cytoscape 3.31+). */
export const WEBGL_THRESHOLD = 1000;

/**
 * Above this many nodes the chosen layout gives way to {@link boxLayout}: dagre on thousands of
 * compound nodes blocks the page for seconds; the box grid takes milliseconds.
 */
export const LAYOUT_NODE_LIMIT = 250;

/**
 * The box grid also draws the boxed overview (namespaces collapsed): dagre ranks unconnected boxes
 * into one tall column, which fits the screen only at a zoom where their labels vanish.
 */
function usesBoxGrid(model: TopoModel): boolean {
  return model.nodes.length > LAYOUT_NODE_LIMIT || model.nodes.some((n) => n.collapsed === true);
}

/** Elements added per task when drawing a big graph. */
const ADD_SLICE = 400;

/** Props of the topology canvas. */
export interface TopologyCanvasProps {
  model: TopoModel;
  labels: TopoEdgeLabel;
  layout: TopoLayout;
  palette: GraphPalette;
  found: readonly string[];
  selected: string | undefined;
  onTap: (id: string, group: 'node' | 'edge') => void;
  onDoubleTapBox: (id: string) => void;
  onTapBackground: () => void;
  onReady: (cy: Core | undefined) => void;
}

function layoutOptions(layout: TopoLayout, animate: boolean): LayoutOptions {
  if (layout === 'grid') return { name: 'grid', avoidOverlap: true, padding: 30, animate };
  if (layout === 'concentric') {
    return {
      name: 'concentric',
      minNodeSpacing: 40,
      padding: 30,
      animate,
      concentric: (n: { degree(b: boolean): number }) => n.degree(false),
      levelWidth: () => 2,
    } as LayoutOptions;
  }
  return {
    name: 'dagre',
    rankDir: 'LR',
    nodeSep: 30,
    rankSep: 90,
    padding: 30,
    animate,
  } as LayoutOptions;
}

/** Draws the topology; the only file of the page that touches Cytoscape. */
export function TopologyCanvas(p: TopologyCanvasProps): React.JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | undefined>(undefined);
  const handlers = useRef(p);
  handlers.current = p;
  const { model, labels, layout, palette, found, selected } = p;
  const large = model.nodes.length + model.edges.length > WEBGL_THRESHOLD;

  useEffect(() => {
    if (!container.current) return undefined;
    const options: cytoscape.CytoscapeOptions & { renderer?: unknown } = {
      container: container.current,
      elements: [],
      style: topoStyle(handlers.current.palette, large),
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 3,
      boxSelectionEnabled: false,
      // Large graphs: WebGL node/edge drawing (labels stay on canvas).
      ...(large ? { renderer: { name: 'canvas', webgl: true } } : {}),
    };
    const cy = cytoscape(options);
    cy.on('tap', 'node', (e) => handlers.current.onTap(e.target.id(), 'node'));
    cy.on('tap', 'edge', (e) => handlers.current.onTap(e.target.id(), 'edge'));
    cy.on('dbltap', 'node[kind = "box"]', (e) => handlers.current.onDoubleTapBox(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) handlers.current.onTapBackground();
    });
    cyRef.current = cy;
    const observer = new ResizeObserver(() => cy.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      handlers.current.onReady(undefined);
      cyRef.current = undefined;
      cy.destroy();
    };
  }, [large]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    let cancelled = false;
    const finish = (): void => {
      cy.fit(undefined, 30);
      if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, position: { x: 0, y: 0 } });
      cy.center();
      handlers.current.onReady(cy);
    };
    const elements = topoElements(model, labels);
    if (!usesBoxGrid(model)) {
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      const run = cy.layout(layoutOptions(layout, false));
      run.one('layoutstop', () => {
        if (!cancelled) finish();
      });
      run.run();
    } else {
      // Big graph: positions from the box grid up front, elements added a slice per task so the
      // page keeps answering (one `cy.add` of 20,000 elements blocks it for many seconds).
      handlers.current.onReady(undefined);
      const at = boxLayout(model);
      // Fit from the known positions: cy.fit() would measure every element's label and edge.
      let x1 = Infinity;
      let y1 = Infinity;
      let x2 = -Infinity;
      let y2 = -Infinity;
      for (const p of at.values()) {
        x1 = Math.min(x1, p.x);
        y1 = Math.min(y1, p.y);
        x2 = Math.max(x2, p.x);
        y2 = Math.max(y2, p.y);
      }
      const fitKnown = (ready: boolean): void => {
        // Positions are centres: a collapsed box reaches about 100 units out from its own.
        const pad = model.nodes.some((n) => n.collapsed === true) ? 140 : 80;
        const zoom = Math.min(
          1.4,
          cy.width() / Math.max(1, x2 - x1 + 2 * pad),
          cy.height() / Math.max(1, y2 - y1 + 2 * pad),
        );
        cy.viewport({
          zoom,
          pan: {
            x: cy.width() / 2 - zoom * ((x1 + x2) / 2),
            y: cy.height() / 2 - zoom * ((y1 + y2) / 2),
          },
        });
        if (ready) handlers.current.onReady(cy);
      };
      for (const el of elements) {
        const p = el.group === 'nodes' ? at.get(String(el.data.id)) : undefined;
        if (p) el.position = { ...p };
      }
      // Boxes first (parents before children), then each box's members together: a slice then
      // dirties the style and bounds of one or two compound boxes, not of every namespace.
      const parentOf = (el: ElementDefinition): string =>
        typeof el.data.parent === 'string' ? el.data.parent : '';
      const boxes = elements.filter((el) => el.group === 'nodes' && el.data.kind === 'box');
      const members = elements
        .filter((el) => el.group === 'nodes' && el.data.kind !== 'box')
        .sort((a, b) => (parentOf(a) < parentOf(b) ? -1 : parentOf(a) > parentOf(b) ? 1 : 0));
      const ordered = [...boxes, ...members, ...elements.filter((el) => el.group === 'edges')];
      cy.batch(() => cy.elements().remove());
      // Zoomed out from the first slice: unreadably small labels are then never drawn.
      fitKnown(false);
      const step = (from: number): void => {
        if (cancelled) return;
        cy.batch(() => {
          cy.add(ordered.slice(from, from + ADD_SLICE));
        });
        if (from + ADD_SLICE < ordered.length) setTimeout(() => step(from + ADD_SLICE), 0);
        else fitKnown(true);
      };
      step(0);
    }
    return () => {
      cancelled = true;
    };
  }, [model, layout, large, labels]);

  useEffect(() => {
    cyRef.current?.style(topoStyle(palette, large));
  }, [palette, large]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const set = new Set(found);
    cy.batch(() => {
      cy.$('.found, .dimmed, .selected').removeClass('found dimmed selected');
      if (set.size > 0) {
        cy.elements().forEach((e) => {
          if (set.has(e.id())) e.addClass('found');
          else if (!e.isNode() || e.data('kind') !== 'box') e.addClass('dimmed');
        });
      }
      if (selected) cy.getElementById(selected).addClass('selected');
    });
  }, [model, labels, layout, found, selected]);

  return (
    <div
      ref={container}
      className="topo-canvas"
      data-testid="topo-canvas"
      data-renderer={large ? 'webgl' : 'canvas'}
      data-layout={usesBoxGrid(model) ? 'box-grid' : layout}
    />
  );
}
