import type { ConfigDump } from '@meshlens/configdump';
import type { SnapshotKind } from '@meshlens/contract';
import type { ParseSource } from '../dumps/workerProtocol';

/** What a snapshot of an open dump records about where the dump came from. */
export interface SnapshotOrigin {
  /** `live`: fetched from the server (mesh page, demo mesh, bug-report archive); `upload`: a file or pasted text. */
  kind: SnapshotKind;
  /** Proxy id (`pod.namespace`) of a live dump, else the file name the dump was opened from. */
  source: string;
}

// Blobs of reopened snapshots keep the origin they were saved with (saving them again is not an upload).
const reopened = new WeakMap<Blob, SnapshotOrigin>();

/** Remembers the origin of a snapshot's dump Blob, so that saving it again keeps kind and source. */
export function rememberSnapshotOrigin(blob: Blob, origin: SnapshotOrigin): void {
  reopened.set(blob, origin);
}

/** `pod.namespace` (the mesh API's proxy id) of a dump's node, when both are known. */
export function proxyIdOf(dump: ConfigDump): string | undefined {
  const node = dump.node;
  return node?.podName && node.namespace ? `${node.podName}.${node.namespace}` : undefined;
}

/**
 * Where an open dump came from. Files (and pasted text) are uploads; a Blob that is not a File
 * was fetched from the server, i.e. a proxy of the live or demo mesh.
 */
export function snapshotOriginOf(source: ParseSource, dump: ConfigDump): SnapshotOrigin {
  if (source.kind === 'blob') {
    const known = reopened.get(source.blob);
    if (known) return known;
    if (!(source.blob instanceof File)) {
      return { kind: 'live', source: proxyIdOf(dump) ?? source.name };
    }
  }
  return { kind: 'upload', source: source.name };
}
