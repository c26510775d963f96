import { type ConfigDump, parseConfigDump } from '@meshlens/configdump';
import type { ElementDefinition } from 'cytoscape';
import { diffDumps, type DumpDiff } from '@meshlens/diff';
import { buildProxyGraph } from '@meshlens/proxy-graph';
import { parserInput, type ParseSource } from '../dumps/workerProtocol';
import { diffGraphElements } from './diffGraphElements';
import { type DiffSummary, summarizeDiff } from './diffSummary';
import { type DiffGraph, mergeDiffGraph } from './mergeDiffGraph';

/** What the page draws of a comparison: the change list and the merged, coloured graph. */
export interface DiffView {
  summary: DiffSummary;
  graph: DiffGraph;
  /** The graph's Cytoscape elements, laid out and classed (see `diffGraphElements`). */
  elements: ElementDefinition[];
}

async function parse(source: ParseSource): Promise<ConfigDump | string> {
  const input =
    source.kind === 'text'
      ? source.text
      : parserInput(new Uint8Array(await source.blob.arrayBuffer()));
  const r = parseConfigDump(input, { fileName: source.name });
  return r.ok ? r.dump : `${source.name}: ${r.error.message}`;
}

/** Diff, list summary and merged graph of two parsed dumps (all of the comparison's CPU work). */
export function compareDumps(left: ConfigDump, right: ConfigDump): DiffView & { diff: DumpDiff } {
  const diff = diffDumps(left, right);
  const graph = mergeDiffGraph(buildProxyGraph(left), buildProxyGraph(right), diff);
  return { diff, summary: summarizeDiff(diff), graph, elements: diffGraphElements(graph) };
}

/**
 * Parses both sources again and compares them. Used by the diff worker: the page's models cannot
 * be handed to a worker without a blocking structured clone of the whole model, while the sources
 * (File handles, text) cost nothing to send, and re-parsing happens off the UI thread too. The
 * full diff stays with the caller (the worker), which sends the page only the summary and graph.
 */
export async function runDiffJob(
  left: ParseSource,
  right: ParseSource,
): Promise<({ ok: true; diff: DumpDiff } & DiffView) | { ok: false; message: string }> {
  const [a, b] = await Promise.all([parse(left), parse(right)]);
  if (typeof a === 'string') return { ok: false, message: a };
  if (typeof b === 'string') return { ok: false, message: b };
  return { ok: true, ...compareDumps(a, b) };
}
