import { readFile } from 'node:fs/promises';
import type { JsonValue } from '@meshlens/configdump';
import {
  parseConfigz,
  parseJsonText,
  parseRegistryz,
  parseSyncz,
  type IstioConfigObject,
  type ProxySyncStatus,
  type RegistryService,
} from '@meshlens/istiod';
import { parseFetchedDump } from '../EnvoyAdminClient';
import type {
  FetchedConfigDump,
  MeshProxy,
  MeshSource,
  ProxyList,
  SourceDescription,
} from '../MeshSource';
import { fail, ok, type SourceResult } from '../SourceError';
import { unknownProxy } from '../EnvoyAdminSource';
import { parseNodeId, splitProxyId } from '../proxyId';
import { classifyBugReportPath } from './classifyBugReportPath';
import { readTarGz, type TarEntry, type TarLimits } from './readTarGz';

interface ProxyFiles {
  id: string;
  type: string;
  istioVersion?: string;
  dump?: TarEntry;
  clusters?: TarEntry;
}

// Enough of the dump's head to find the bootstrap node (it comes first in Envoy's output).
const HEAD_BYTES = 256 * 1024;

/** Proxy identity from the dump's bootstrap node, read with a regex over its head (no full parse). */
function identityFromDump(
  data: Buffer,
): { proxyId: string; type: string; istioVersion?: string } | undefined {
  const head = data.subarray(0, HEAD_BYTES).toString('utf8');
  const id = /"id"\s*:\s*"([^"]+~[^"]+~[^"]+~[^"]+)"/.exec(head)?.[1];
  const node = id ? parseNodeId(id) : undefined;
  if (!node) return undefined;
  const version = /"ISTIO_VERSION"\s*:\s*"([^"]+)"/.exec(head)?.[1];
  return { ...node, ...(version ? { istioVersion: version } : {}) };
}

/**
 * An `istioctl bug-report` archive (`.tar.gz`) as a mesh source, offline: the proxies' config dumps
 * (and `/clusters` captures) and istiod's debug outputs (`syncz` for sync states) inside it.
 */
export class BugReportSource implements MeshSource {
  private readonly proxies = new Map<string, ProxyFiles>();
  private readonly statuses: ProxySyncStatus[] = [];
  private readonly warnings: string[] = [];
  private readonly istiods = new Set<string>();
  /** Archived registryz / configz (the first of each; every istiod holds the same). */
  private readonly debugFiles = new Map<'registryz' | 'configz', TarEntry>();
  private readonly label: string;

  private constructor(label: string, entries: TarEntry[]) {
    this.label = label;
    for (const entry of entries) {
      const file = classifyBugReportPath(entry.path);
      if (file.kind === 'istiod_debug') {
        this.istiods.add(file.istiod);
        if (file.what !== 'syncz') {
          if (!this.debugFiles.has(file.what)) this.debugFiles.set(file.what, entry);
          continue;
        }
        const parsed = parseSyncz(entry.data.toString('utf8'), { istiod: file.istiod });
        if (parsed.ok) this.statuses.push(...parsed.value);
        else this.warnings.push(`${entry.path}: ${parsed.error.message}`);
      } else if (file.kind === 'proxy_config_dump' || file.kind === 'proxy_clusters') {
        const identity =
          file.kind === 'proxy_config_dump' ? identityFromDump(entry.data) : undefined;
        const id =
          identity?.proxyId ??
          (file.pod ? `${file.pod}.${file.namespace ?? 'unknown'}` : undefined);
        if (!id) {
          this.warnings.push(`${entry.path}: cannot tell which proxy this file belongs to`);
          continue;
        }
        const proxy = this.proxies.get(id) ?? { id, type: identity?.type ?? 'unknown' };
        if (identity?.istioVersion) proxy.istioVersion = identity.istioVersion;
        if (identity) proxy.type = identity.type;
        if (file.kind === 'proxy_config_dump') proxy.dump = entry;
        else proxy.clusters = entry;
        this.proxies.set(id, proxy);
      }
    }
  }

  /** Reads an archive from memory (e.g. a browser upload); `label` names it in messages. */
  static fromBuffer(
    data: Buffer,
    label: string,
    limits: TarLimits = {},
  ): SourceResult<BugReportSource> {
    const tar = readTarGz(data, limits);
    if (!tar.ok) {
      return fail({
        kind: 'malformed',
        url: label,
        message: tar.error.message,
        advice: 'Pass the .tar.gz written by istioctl bug-report.',
      });
    }
    const source = new BugReportSource(label, tar.entries);
    if (source.proxies.size === 0 && source.statuses.length === 0) {
      return fail({
        kind: 'not_found',
        url: label,
        message: `no proxy config dump and no istiod syncz in the archive (${tar.entries.length} files)`,
        advice:
          'Make an archive with istioctl bug-report (it collects config_dump per proxy and istiod debug output).',
      });
    }
    return ok(source);
  }

  /** Reads an archive file. */
  static async open(path: string, limits: TarLimits = {}): Promise<SourceResult<BugReportSource>> {
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return fail({
        kind: 'io',
        url: path,
        message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`,
        advice: 'Check the path of the bug-report archive.',
      });
    }
    return BugReportSource.fromBuffer(data, path, limits);
  }

  listProxies(): Promise<SourceResult<ProxyList>> {
    const byId = new Map<string, MeshProxy>();
    for (const p of this.proxies.values()) {
      const { name, namespace } = splitProxyId(p.id);
      byId.set(p.id, {
        id: p.id,
        name,
        namespace,
        type: p.type,
        ...(p.istioVersion ? { istioVersion: p.istioVersion } : {}),
      });
    }
    for (const s of this.statuses) {
      const { name, namespace } = splitProxyId(s.proxyId);
      const proxy = byId.get(s.proxyId) ?? {
        id: s.proxyId,
        name,
        namespace,
        type: s.proxyType ?? 'unknown',
      };
      proxy.sync = s.states;
      if (s.istiod) proxy.istiod = s.istiod;
      if (s.clusterId) proxy.clusterId = s.clusterId;
      if (s.istioVersion) proxy.istioVersion = s.istioVersion;
      if (proxy.type === 'unknown' && s.proxyType) proxy.type = s.proxyType;
      byId.set(s.proxyId, proxy);
    }
    const proxies = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return Promise.resolve(ok({ proxies, warnings: [...this.warnings] }));
  }

  getConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>> {
    const entry = this.proxies.get(proxyId)?.dump;
    if (!entry) return Promise.resolve(this.missing(proxyId, 'config dump'));
    return Promise.resolve(
      parseFetchedDump(
        entry.data.toString('utf8'),
        `${this.label}!${entry.path}`,
        'bug-report config_dump',
      ),
    );
  }

  getClusterStatuses(proxyId: string): Promise<SourceResult<JsonValue>> {
    const entry = this.proxies.get(proxyId)?.clusters;
    if (!entry) return Promise.resolve(this.missing(proxyId, '/clusters capture'));
    const parsed = parseJsonText(entry.data.toString('utf8'), 'the archived /clusters output');
    if (parsed.ok) return Promise.resolve(ok(parsed.value));
    return Promise.resolve(
      fail({
        kind: 'malformed',
        url: `${this.label}!${entry.path}`,
        message: parsed.error.message,
        advice: 'Only the JSON form (/clusters?format=json) can be read.',
        ...(parsed.error.line !== undefined ? { line: parsed.error.line } : {}),
        ...(parsed.error.column !== undefined ? { column: parsed.error.column } : {}),
      }),
    );
  }

  getIstiodConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>> {
    return Promise.resolve(
      fail({
        kind: 'not_available',
        url: this.label,
        message: `a bug-report archive holds what ${proxyId} had, not what istiod would send it`,
        advice:
          'For the istiod vs Envoy diff, connect to the live mesh (--istiod with --envoy, or --kubeconfig).',
      }),
    );
  }

  getServices(): Promise<SourceResult<RegistryService[]>> {
    return Promise.resolve(this.readDebug('registryz', parseRegistryz));
  }

  getIstioConfig(): Promise<SourceResult<IstioConfigObject[]>> {
    return Promise.resolve(this.readDebug('configz', parseConfigz));
  }

  private readDebug<T>(
    what: 'registryz' | 'configz',
    parse: (text: string) => { ok: true; value: T } | { ok: false; error: { message: string } },
  ): SourceResult<T> {
    const entry = this.debugFiles.get(what);
    if (!entry) {
      return fail({
        kind: 'not_found',
        url: this.label,
        message: `the archive has no istiod ${what}`,
        advice: 'Newer istioctl bug-report archives include istiod debug output.',
      });
    }
    const parsed = parse(entry.data.toString('utf8'));
    if (parsed.ok) return ok(parsed.value);
    return fail({
      kind: 'malformed',
      url: `${this.label}!${entry.path}`,
      message: parsed.error.message,
      advice: 'The archived file is damaged.',
    });
  }

  describe(): SourceDescription {
    return {
      kind: 'bug-report',
      summary: `bug-report ${this.label}: ${this.proxies.size} proxy dumps, ${this.istiods.size} istiod instances`,
      targets: [this.label],
    };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private missing<T>(proxyId: string, what: string): SourceResult<T> {
    if (!this.proxies.has(proxyId) && !this.statuses.some((s) => s.proxyId === proxyId))
      return unknownProxy(proxyId);
    return fail({
      kind: 'not_found',
      url: this.label,
      message: `the archive has no ${what} for ${proxyId}`,
      advice: 'istioctl bug-report may have skipped this proxy (see its logs in the archive).',
    });
  }
}
