import type { ElementDefinition } from 'cytoscape';
import { toCytoscapeElements } from '../graph/toCytoscapeElements';
import { type DiffGraph, idsWithStatus } from './mergeDiffGraph';

/**
 * The Cytoscape elements of a merged diff graph (positions from the graph view's column layout)
 * with the diff's classes: `diff-added` / `diff-removed` / `diff-changed` on nodes, `diff-removed`
 * on the edges of removed nodes. Pure: the diff worker builds them, the page only adds them.
 */
export function diffGraphElements(model: DiffGraph): ElementDefinition[] {
  const removedIds = new Set(idsWithStatus(model, 'removed'));
  return toCytoscapeElements(model.graph).map((el) => {
    const id = String(el.data.id);
    const s = el.group === 'nodes' ? model.status.get(id) : undefined;
    const removedEdge =
      el.group === 'edges' &&
      (removedIds.has(String(el.data.source)) || removedIds.has(String(el.data.target)));
    const extra = s ? ` diff-${s}` : removedEdge ? ' diff-removed' : '';
    return extra ? { ...el, classes: `${String(el.classes ?? '')}${extra}` } : el;
  });
}
