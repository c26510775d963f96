import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { cytoscapeStyle } from '../graph/cytoscapeStyle';
import { fitReadable } from '../graph/fitReadable';
import { graphPalette } from '../graph/graphTheme';
import { type DiffGraph as DiffGraphModel, idsWithStatus } from './mergeDiffGraph';

/** Test hook: the drawn node ids of each status (see the e2e suite). */
declare global {
  interface Window {
    __meshlensDiff?: { added(): string[]; removed(): string[]; changed(): string[] };
  }
}

/** Props of the compare view's graph. */
export interface DiffGraphProps {
  model: DiffGraphModel;
  /** The model's Cytoscape elements (built with `diffGraphElements`, in the diff worker). */
  elements: ElementDefinition[];
  theme: 'light' | 'dark';
  /** Node of the selected change (outlined and brought into view). */
  selected: string | undefined;
  onTapNode: (id: string) => void;
}

const statusColour = {
  light: { added: '#1d8a4e', changed: '#b26a00' },
  dark: { added: '#4cc488', changed: '#e9a23b' },
};

/** The diff colours on top of the graph's own stylesheet (fills left alone: kinds stay readable). */
function diffStyle(theme: 'light' | 'dark'): StylesheetJson {
  const p = graphPalette(theme);
  const c = statusColour[theme];
  return [
    ...cytoscapeStyle(p),
    { selector: 'node.diff-added', style: { 'border-color': c.added, 'border-width': 5 } },
    { selector: 'node.diff-changed', style: { 'border-color': c.changed, 'border-width': 5 } },
    {
      // Only on the left: drawn like a dangling reference, faded, red and dashed.
      selector: 'node.diff-removed',
      style: {
        'border-color': p.danger,
        'border-width': 4,
        'border-style': 'dashed',
        'background-opacity': 0.35,
        color: p.danger,
      },
    },
    {
      selector: 'edge.diff-removed',
      style: { 'line-color': p.danger, 'target-arrow-color': p.danger, 'line-style': 'dashed' },
    },
    {
      selector: 'node.diff-selected',
      style: { 'overlay-color': p.accent, 'overlay-opacity': 0.2, 'overlay-padding': 8 },
    },
  ];
}

/**
 * The right-hand dump's graph with the diff's colours. A small canvas of its own (the proxy
 * graph panel takes no per-node classes) built from the same elements, layout and stylesheet.
 */
export function DiffGraph(p: DiffGraphProps): React.JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | undefined>(undefined);
  const onTap = useRef(p.onTapNode);
  onTap.current = p.onTapNode;
  const { model, elements, theme, selected } = p;

  useEffect(() => {
    if (!container.current) return undefined;
    const cy = cytoscape({
      container: container.current,
      elements: [],
      layout: { name: 'preset' },
      minZoom: 0.03,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (e) => onTap.current(e.target.id()));
    cyRef.current = cy;
    const observer = new ResizeObserver(() => cy.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      cyRef.current = undefined;
      cy.destroy();
    };
  }, []);

  useEffect(() => {
    cyRef.current?.style(diffStyle(theme));
  }, [theme]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    // Fitting measures every label (a second long step on a big graph): its own task, so the
    // page gets to paint in between. The selection effect below waits for the fit.
    const fit = setTimeout(() => {
      cy.resize();
      fitReadable(cy);
      window.__meshlensDiff = {
        added: () => idsWithStatus(model, 'added'),
        removed: () => idsWithStatus(model, 'removed'),
        changed: () => idsWithStatus(model, 'changed'),
      };
    }, 0);
    return () => {
      clearTimeout(fit);
      delete window.__meshlensDiff;
    };
  }, [model, elements]);

  useEffect(() => {
    // After the model effect's fit (timers of the same delay run in order).
    const timer = setTimeout(() => {
      const cy = cyRef.current;
      if (!cy) return;
      cy.nodes().removeClass('diff-selected');
      if (!selected) return;
      const node = cy.getElementById(selected);
      if (node.empty()) return;
      node.addClass('diff-selected');
      // Only move the view when the node is off screen (the fitted picture stays put otherwise).
      const vp = cy.extent();
      const b = node.boundingBox();
      const inView = b.x1 >= vp.x1 && b.x2 <= vp.x2 && b.y1 >= vp.y1 && b.y2 <= vp.y2;
      if (!inView) cy.animate({ center: { eles: node } }, { duration: 200 });
    }, 0);
    return () => clearTimeout(timer);
  }, [model, selected]);

  return <div ref={container} className="diff-graph" data-testid="diff-graph" />;
}
