import type { Core } from 'cytoscape';
import type { ConfigDump } from '@meshlens/configdump';
import { graphToSvg } from './graphToSvg';
import { readSvgScene } from './readSvgScene';

/** Saves a blob under a file name through a temporary object URL (nothing leaves the browser). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name-safe version of the dump label. */
export function fileStem(label: string): string {
  return label.replace(/\.(json|ya?ml|gz)$/gi, '').replace(/[^\w.-]+/g, '_') || 'dump';
}

// Browsers refuse canvases much above 16k pixels a side; cy.png scales down to fit instead
// of returning a blank image.
const maxSide = 16_000;

/** PNG of the whole graph (not just the viewport) at `scale`, on the theme background. */
export function exportPng(cy: Core, scale: number, bg: string, label: string): void {
  const blob = cy.png({
    full: true,
    scale,
    bg,
    output: 'blob',
    maxWidth: maxSide,
    maxHeight: maxSide,
  });
  downloadBlob(blob, `${fileStem(label)}-graph.png`);
}

/** SVG of the whole graph at `scale`, on the theme background (our own exporter: see graphToSvg). */
export function exportSvg(cy: Core, scale: number, bg: string, label: string): void {
  const svg = graphToSvg(readSvgScene(cy), { scale, background: bg });
  downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${fileStem(label)}-graph.svg`);
}

/**
 * The model as JSON, without the lookup `index` (Maps, and derivable) and without the `raw`
 * copies of every object: the original file already holds those, and they would double the size.
 */
export function modelJson(dump: ConfigDump): string {
  // Filter chains and routes have a numeric `index` field of their own: only the top-level goes.
  return JSON.stringify(
    dump,
    function (this: unknown, key: string, value: unknown) {
      if (key === 'raw' || (key === 'index' && this === dump)) return undefined;
      return value;
    },
    2,
  );
}

export function exportModelJson(dump: ConfigDump, label: string): void {
  downloadBlob(
    new Blob([modelJson(dump)], { type: 'application/json' }),
    `${fileStem(label)}-model.json`,
  );
}
