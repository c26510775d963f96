import type { Core } from 'cytoscape';

// Below this zoom the 11px labels shrink under ~6px and turn into grey lines.
const readableZoom = 0.55;
const padding = 30;

/**
 * Fits the whole graph when that keeps labels readable; a tall graph (a sidecar with a hundred
 * clusters) is instead fitted to its width, at least at a readable zoom, and shown from the top,
 * like a long document. With `wholeWidth` (a focused chain: its point is the path from the
 * listener to the endpoints) every column stays in view even below the readable zoom, so the
 * right-hand columns never end up beyond the canvas, under the side panel. Returns true when
 * the whole graph is in view.
 */
export function fitReadable(cy: Core, wholeWidth = false): boolean {
  if (cy.nodes().empty()) return true;
  cy.fit(undefined, padding);
  if (cy.zoom() >= readableZoom) return true;
  const box = cy.elements().boundingBox();
  const widthZoom = (cy.width() - 2 * padding) / Math.max(box.w, 1);
  const zoom = Math.min(1, wholeWidth ? widthZoom : Math.max(readableZoom, widthZoom));
  cy.zoom(zoom);
  cy.pan({ x: padding - box.x1 * zoom, y: padding - box.y1 * zoom });
  return false;
}
