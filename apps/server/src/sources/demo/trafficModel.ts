import type { DemoMesh, DemoPod, DemoService } from '@meshlens/demo-mesh';

/** One side of a traffic edge, with the labels Istio's telemetry derives from the pod. */
export interface Workload {
  /** Deployment name, e.g. `reviews-v2` (Istio's `*_workload` label). */
  workload: string;
  namespace: string;
  app: string;
  version: string;
  /** SPIFFE identity, e.g. `spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews`. */
  principal: string;
  /** Pod ids (`<pod>.<namespace>`) of the workload: which proxies report its side. */
  proxyIds: string[];
}

/** A steady flow of traffic between two workloads, at deterministic rates. */
export interface TrafficEdge {
  source: Workload;
  destination: Workload;
  /** Destination service: hostname, short name, namespace. */
  service: { hostname: string; name: string; namespace: string };
  protocol: 'http' | 'tcp';
  /** HTTP requests (or TCP connections) per second. */
  rate: number;
  /** Response code mix for HTTP: code -> share of requests (shares sum to 1), with Envoy response flags. */
  responses: { code: string; share: number; flags: string }[];
  /** Mean latency, ms (HTTP). */
  meanLatencyMs: number;
  /** Bytes per second client -> server (request) and server -> client (response), TCP only. */
  requestBytesPerSecond: number;
  responseBytesPerSecond: number;
}

/** The Bookinfo flows: who calls whom, how often, how often it fails. */
const BOOKINFO_FLOWS: {
  from: [app: string, version?: string];
  to: [service: string, version?: string];
  rate: number;
  errors?: { code: string; share: number; flags: string };
  meanLatencyMs: number;
}[] = [
  { from: ['istio-ingressgateway'], to: ['productpage', 'v1'], rate: 10, meanLatencyMs: 40 },
  {
    from: ['productpage', 'v1'],
    to: ['details', 'v1'],
    rate: 10,
    errors: { code: '500', share: 0.01, flags: '-' },
    meanLatencyMs: 4,
  },
  // reviews' VirtualService: jason -> v2, everyone else 50/50 v1/v3.
  { from: ['productpage', 'v1'], to: ['reviews', 'v1'], rate: 4, meanLatencyMs: 8 },
  { from: ['productpage', 'v1'], to: ['reviews', 'v2'], rate: 2, meanLatencyMs: 20 },
  { from: ['productpage', 'v1'], to: ['reviews', 'v3'], rate: 4, meanLatencyMs: 22 },
  { from: ['reviews', 'v2'], to: ['ratings', 'v1'], rate: 2, meanLatencyMs: 3 },
  {
    from: ['reviews', 'v3'],
    to: ['ratings', 'v1'],
    rate: 4,
    errors: { code: '503', share: 0.03, flags: 'UF' },
    meanLatencyMs: 3,
  },
];

function workloadName(pod: DemoPod): string {
  // Deployment pods are `<deployment>-<template hash>-<suffix>`.
  return pod.name.split('-').slice(0, -2).join('-') || pod.name;
}

function workloadsOf(mesh: DemoMesh, service: DemoService): Workload[] {
  const byName = new Map<string, Workload>();
  for (const pod of service.pods) {
    const name = workloadName(pod);
    let w = byName.get(name);
    if (!w) {
      w = {
        workload: name,
        namespace: pod.namespace,
        app: pod.labels.app ?? service.name,
        version: pod.labels.version ?? 'unknown',
        principal: `spiffe://${mesh.trustDomain}/ns/${pod.namespace}/sa/${pod.serviceAccount}`,
        proxyIds: [],
      };
      byName.set(name, w);
    }
    if (pod.proxyType) w.proxyIds.push(`${pod.name}.${pod.namespace}`);
  }
  return [...byName.values()];
}

/**
 * Who calls each generated service, like a team's call tree: in each team namespace,
 * productpage calls the first HTTP service (the team's front door) and every other service is called
 * by an earlier one of its namespace (fan-out 3, skipping callers without an HTTP port: a database
 * calls no one). Every tenth service also calls the next team's front door across namespaces.
 */
function generatedCalls(mesh: DemoMesh): { caller: string | undefined; callee: DemoService }[] {
  const byNamespace = new Map<string, DemoService[]>();
  for (const s of mesh.services) {
    if (!s.name.startsWith('svc-')) continue;
    const list = byNamespace.get(s.namespace) ?? [];
    list.push(s);
    byNamespace.set(s.namespace, list);
  }
  const speaksHttp = (s: DemoService): boolean => s.ports.some((p) => p.protocol !== 'TCP');
  // The front door is the team's first service with an HTTP port, so every call chain starts there.
  const teams = [...byNamespace.values()].map((team) => {
    const door = team.find(speaksHttp);
    return door ? [door, ...team.filter((s) => s !== door)] : team;
  });
  const calls: { caller: string | undefined; callee: DemoService }[] = [];
  teams.forEach((team, t) => {
    team.forEach((callee, k) => {
      let parent = k === 0 ? -1 : Math.floor((k - 1) / 3);
      while (parent >= 0 && !speaksHttp(team[parent]!))
        parent = parent === 0 ? -1 : Math.floor((parent - 1) / 3);
      calls.push({ caller: parent < 0 ? undefined : team[parent]!.name, callee });
      const next = teams[(t + 1) % teams.length]?.[0];
      if (k % 10 === 5 && teams.length > 1 && next && speaksHttp(callee)) {
        calls.push({ caller: callee.name, callee: next });
      }
    });
  });
  return calls;
}

/**
 * The traffic the simulator pretends flows through the demo mesh: the Bookinfo call graph (with
 * some 5xx), plus the generated services' call trees (`generatedCalls`; TCP ports give the
 * `istio_tcp_*` series). Edges whose workloads the mesh lacks are skipped.
 */
export function buildTrafficModel(mesh: DemoMesh): TrafficEdge[] {
  const services = new Map(mesh.services.map((s) => [s.name, s]));
  const workloads = new Map<string, Workload[]>();
  for (const s of mesh.services) workloads.set(s.name, workloadsOf(mesh, s));
  const find = (name: string, version?: string): Workload | undefined =>
    workloads.get(name)?.find((w) => version === undefined || w.version === version);
  const serviceRef = (s: DemoService): TrafficEdge['service'] => ({
    hostname: s.hostname,
    name: s.name,
    namespace: s.namespace,
  });

  const edges: TrafficEdge[] = [];
  for (const flow of BOOKINFO_FLOWS) {
    const source = find(...flow.from);
    const destination = find(...flow.to);
    const service = services.get(flow.to[0]);
    if (!source || !destination || !service) continue;
    const errors = flow.errors ? [flow.errors] : [];
    const okShare = 1 - errors.reduce((sum, e) => sum + e.share, 0);
    edges.push({
      source,
      destination,
      service: serviceRef(service),
      protocol: 'http',
      rate: flow.rate,
      responses: [{ code: '200', share: okShare, flags: '-' }, ...errors],
      meanLatencyMs: flow.meanLatencyMs,
      requestBytesPerSecond: 0,
      responseBytesPerSecond: 0,
    });
  }

  const frontDoorCaller = find('productpage', 'v1');
  for (const { caller: callerName, callee: service } of generatedCalls(mesh)) {
    const caller = callerName === undefined ? frontDoorCaller : find(callerName);
    if (caller) {
      const tcp = service.ports.some((p) => p.protocol === 'TCP');
      for (const [i, destination] of (workloads.get(service.name) ?? []).entries()) {
        edges.push({
          source: caller,
          destination,
          service: serviceRef(service),
          protocol: tcp ? 'tcp' : 'http',
          rate: tcp ? 0.2 : 1 + (i % 3),
          responses: [{ code: '200', share: 1, flags: '-' }],
          meanLatencyMs: 10 + 5 * i,
          requestBytesPerSecond: tcp ? 2048 + 512 * i : 0,
          responseBytesPerSecond: tcp ? 16_384 + 1024 * i : 0,
        });
      }
    }
  }
  return edges;
}
