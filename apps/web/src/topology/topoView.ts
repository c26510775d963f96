// What the page draws from a model: hidden elements removed (by the hide expression), collapsed
// boxes drawn as one node with their edges merged, and the found set (find expression).
import { matchesExpression, type TopoAttributes, type TopoExpression } from './topoExpression';
import type { TopoEdge, TopoModel, TopoNode } from './topoModel';

/** Attributes of a node for find/hide. */
export function nodeAttributes(n: TopoNode): TopoAttributes {
  return {
    name: n.name,
    namespace: n.namespace,
    cluster: n.cluster,
    kind: n.box ? `${n.box}box` : n.kind,
    app: n.app,
    version: n.version,
    workload: n.workload,
    service: n.service,
    rps: n.rps,
    errorPct: n.errorPct,
    health: n.health,
  };
}

/** Attributes of an edge for find/hide (`name`/`ns` are its source's). */
export function edgeAttributes(e: TopoEdge, source: TopoNode | undefined): TopoAttributes {
  return {
    kind: e.kind,
    protocol: e.protocol,
    rps: e.rps,
    errorPct: e.errorPct,
    p95: e.p95,
    bytes: e.bytes,
    mtls: e.mtls,
    health: e.health,
    namespace: source?.namespace,
    cluster: source?.cluster,
  };
}

/** Removes what the hide expression matches: nodes (with their edges) and edges; then empty boxes. */
export function hideMatching(
  model: TopoModel,
  hide: TopoExpression | undefined,
): { model: TopoModel; hidden: string[] } {
  if (!hide) return { model, hidden: [] };
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const hidden = new Set(
    model.nodes
      .filter((n) => !n.box && matchesExpression(hide, nodeAttributes(n)))
      .map((n) => n.id),
  );
  const edges = model.edges.filter((e) => {
    const gone =
      hidden.has(e.source) ||
      hidden.has(e.target) ||
      matchesExpression(hide, edgeAttributes(e, byId.get(e.source)));
    if (gone) hidden.add(e.id);
    return !gone;
  });
  let nodes = model.nodes.filter((n) => !hidden.has(n.id));
  // Boxes left empty go too (inner boxes first, so an emptied namespace follows its app boxes).
  for (let changed = true; changed;) {
    const parents = new Set(nodes.map((n) => n.parent));
    const before = nodes.length;
    nodes = nodes.filter((n) => !n.box || parents.has(n.id) || (hidden.add(n.id), false));
    changed = nodes.length !== before;
  }
  return { model: { nodes, edges }, hidden: [...hidden] };
}

/** What a box member counts as in the collapsed box's label. */
function memberKind(n: TopoNode): string {
  if (n.kind === 'service' || n.kind === 'serviceEntry') return 'service';
  if (n.kind === 'app' || n.kind === 'workload' || n.kind === 'gateway') return 'workload';
  if (n.kind === 'virtualService') return 'VirtualService';
  return n.kind;
}

/** `32 services · 60 workloads · 3 subsets` (largest first, at most three kinds). */
export function boxSummary(byKind: ReadonlyMap<string, number>): string {
  return [...byKind]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`)
    .join(' · ');
}

/** Draws each collapsed box as one node: its contents go, their edges move to the box and merge. */
export function collapseBoxes(model: TopoModel, collapsed: ReadonlySet<string>): TopoModel {
  if (collapsed.size === 0) return model;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  // The outermost collapsed box holding a node, if any.
  const holder = (id: string): string | undefined => {
    let found: string | undefined;
    for (let p = byId.get(id)?.parent; p !== undefined; p = byId.get(p)?.parent) {
      if (collapsed.has(p)) found = p;
    }
    return found;
  };
  const counts = new Map<string, Map<string, number>>();
  const nodes: TopoNode[] = [];
  for (const n of model.nodes) {
    const h = holder(n.id);
    if (h !== undefined) {
      if (!n.box) {
        const byKind = counts.get(h) ?? new Map<string, number>();
        const kind = memberKind(n);
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        counts.set(h, byKind);
      }
      continue;
    }
    nodes.push(n);
  }
  const out = nodes.map((n) => {
    if (!collapsed.has(n.id) || !n.box) return n;
    const byKind = counts.get(n.id) ?? new Map<string, number>();
    const members = [...byKind.values()].reduce((a, b) => a + b, 0);
    return {
      ...n,
      label: `${n.label}\n${boxSummary(byKind) || 'empty'}`,
      collapsed: true,
      members,
    };
  });
  const merged = new Map<string, TopoEdge>();
  for (const e of model.edges) {
    const source = holder(e.source) ?? e.source;
    const target = holder(e.target) ?? e.target;
    if (source === target) continue;
    if (source === e.source && target === e.target) {
      merged.set(e.id, e);
      continue;
    }
    const id = `m:${source}>${target}`;
    const prev = merged.get(id);
    const rps = (prev?.rps ?? 0) + (e.rps ?? 0);
    merged.set(id, {
      id,
      source,
      target,
      merged: (prev?.merged ?? 0) + (e.merged ?? 1),
      kind: prev && prev.kind !== e.kind ? 'merged' : e.kind,
      ...(rps > 0 ? { rps } : {}),
      ...((prev?.dashed ?? true) && e.dashed ? { dashed: true } : {}),
      ...((prev?.flagged ?? e.flagged) ? { flagged: prev?.flagged ?? e.flagged } : {}),
      ...(prev?.mtls === true || e.mtls === true ? { mtls: true } : {}),
      health:
        e.health === 'failure' || prev?.health === 'failure'
          ? 'failure'
          : (prev?.health ?? e.health),
    });
  }
  return { nodes: out, edges: [...merged.values()] };
}

/** Ids the find expression matches (nodes and edges). */
export function findMatching(model: TopoModel, find: TopoExpression | undefined): string[] {
  if (!find) return [];
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  return [
    ...model.nodes
      .filter((n) => !n.box && matchesExpression(find, nodeAttributes(n)))
      .map((n) => n.id),
    ...model.edges
      .filter((e) => matchesExpression(find, edgeAttributes(e, byId.get(e.source))))
      .map((e) => e.id),
  ];
}
