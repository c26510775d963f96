import { newBuilder } from './builder';
import type { DumpBuilder } from './builder';
import { buildIndex } from './buildIndex';
import { newContext } from './context';
import type { ApiVersion, ConfigDump, ParseOptions, ParseResult, SectionKind } from './model';
import { readDump } from './readDump';
import { readInput } from './readInput';

const SECTION_ORDER: SectionKind[] = [
  'bootstrap',
  'clusters',
  'endpoints',
  'listeners',
  'routes',
  'scopedRoutes',
  'secrets',
  'ecds',
];

function apiVersion(b: DumpBuilder): ApiVersion {
  if (b.adminV3 && b.innerV2) return 'hybrid';
  if (b.adminV2 || (b.innerV2 && !b.adminV3 && !b.innerV3)) return 'v2';
  if (b.adminV3 || b.innerV3) return 'v3';
  return 'unknown';
}

function progress(options: ParseOptions, fraction: number): void {
  try {
    options.onProgress?.(fraction);
  } catch {
    // A failing progress callback must not fail the parse.
  }
}

function parse(input: string | Uint8Array, options: ParseOptions): ParseResult {
  const decoded = readInput(input, options.maxBytes);
  if (!decoded.ok) return decoded;
  progress(options, 0.4);
  const ctx = newContext();
  const b = newBuilder(ctx);
  // Parsing the text is the first 40%; the sections share the next 40%, the index the rest.
  const read = readDump(b, decoded.input.value, (done, total) =>
    progress(options, 0.4 + (0.4 * done) / total),
  );
  if ('error' in read) return { ok: false, error: read.error };
  progress(options, 0.8);
  // Static load assignments count as endpoints unless the EDS section already lists the cluster.
  if (b.staticEndpoints.length > 0) {
    const known = new Set(b.endpoints.map((e) => e.clusterName));
    for (const e of b.staticEndpoints) if (!known.has(e.clusterName)) b.endpoints.push(e);
  }
  const sections = SECTION_ORDER.filter((s) => b.sections.has(s));
  const dump: ConfigDump = {
    source: {
      format: decoded.input.format,
      gzip: decoded.input.gzip,
      shape: read.shape,
      apiVersion: apiVersion(b),
      bytes: decoded.input.bytes,
    },
    sections,
    listeners: b.listeners,
    routeConfigs: b.routeConfigs,
    scopedRouteConfigs: b.scopedRouteConfigs,
    clusters: b.clusters,
    endpoints: b.endpoints,
    secrets: b.secrets,
    extensionConfigs: b.extensionConfigs,
    warnings: ctx.warnings,
    index: buildIndex(ctx, { ...b, sections: b.sections }),
  };
  if (options.fileName !== undefined) dump.source.fileName = options.fileName;
  if (b.bootstrap) {
    dump.bootstrap = b.bootstrap;
    if (b.bootstrap.node) dump.node = b.bootstrap.node;
  }
  progress(options, 1);
  return { ok: true, dump };
}

/**
 * Reads a config dump (JSON or YAML text, or gzip bytes) into the normalised model: a full
 * `/config_dump` (v2alpha, v3 or the hybrid), one admin section, a bare resource list, or admin
 * `/clusters?format=json`. Never throws: failures come back as a typed `DumpError`.
 */
export function parseConfigDump(
  input: string | Uint8Array,
  options: ParseOptions = {},
): ParseResult {
  try {
    return parse(input, options);
  } catch (e) {
    // Every reader is defensive and resources are read one by one under a guard; reaching this
    // means a bug, still reported as a value rather than thrown at the caller.
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { code: 'not_a_config_dump', message: `the input could not be read: ${why}` },
    };
  }
}
