import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseConfigDump } from '@meshlens/configdump';
import { diffDumps, formatDumpDiff, parseDiffKinds } from '@meshlens/diff';
import { formatSnapshotDetails, formatSnapshotList } from '../snapshots/formatSnapshots';
import {
  addSnapshotStoreFlags,
  openSnapshotStore,
  type SnapshotStoreFlags,
} from '../snapshots/openSnapshotStore';
import { snapshotPermalink } from '@meshlens/contract';
import { dumpText, readDumpFile } from './readDumpFile';
import type { Snapshot, SnapshotKind, SnapshotStore } from '../snapshots/SnapshotStore';

/** Where a command prints: stdout lines and stderr lines. */
export interface SnapshotIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: SnapshotIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => console.error(s),
};

function fail(io: SnapshotIo, message: string, code = 1): number {
  io.err(`meshlens snapshot: ${message}`);
  return code;
}

/** Flags of `snapshot save`. */
export interface SaveFlags {
  file: string;
  name: string;
  kind?: string;
  source?: string;
  view?: string;
}

/** Reads a dump file (JSON/YAML, optionally gzipped) as text, checking that Meshlens can open it. */
function readDumpText(file: string): { ok: true; text: string } | { ok: false; message: string } {
  const read = readDumpFile(file);
  return read.ok ? { ok: true, text: dumpText(read.bytes) } : read;
}

/** `snapshot save`: stores a dump file; prints the new id. */
export async function runSnapshotSave(
  store: SnapshotStore,
  flags: SaveFlags,
  io: SnapshotIo = defaultIo,
): Promise<number> {
  const kind = flags.kind ?? 'upload';
  if (kind !== 'upload' && kind !== 'live') return fail(io, '--kind must be upload or live');
  const read = readDumpText(flags.file);
  if (!read.ok) return fail(io, read.message);
  const saved = await store.save({
    name: flags.name,
    kind: kind satisfies SnapshotKind,
    source: flags.source ?? flags.file,
    dump: read.text,
    viewState: flags.view,
  });
  if (!saved.ok) return fail(io, saved.error.message);
  io.out(saved.value.id);
  io.err(
    `saved "${saved.value.name}" in ${store.description}; open it at ${snapshotPermalink(saved.value.id)}`,
  );
  return 0;
}

/** `snapshot list [--json]`. */
export async function runSnapshotList(
  store: SnapshotStore,
  flags: { json?: boolean },
  io: SnapshotIo = defaultIo,
): Promise<number> {
  const list = await store.list();
  if (!list.ok) return fail(io, list.error.message);
  io.out(flags.json ? JSON.stringify(list.value, null, 2) : formatSnapshotList(list.value));
  return 0;
}

/** `snapshot show ID [--json]`: metadata only. */
export async function runSnapshotShow(
  store: SnapshotStore,
  id: string,
  flags: { json?: boolean },
  io: SnapshotIo = defaultIo,
): Promise<number> {
  const got = await store.get(id);
  if (!got.ok) return fail(io, got.error.message);
  const { dump: _dump, ...meta } = got.value;
  io.out(flags.json ? JSON.stringify(meta, null, 2) : formatSnapshotDetails(meta));
  return 0;
}

/** `snapshot delete ID`. */
export async function runSnapshotDelete(
  store: SnapshotStore,
  id: string,
  io: SnapshotIo = defaultIo,
): Promise<number> {
  const deleted = await store.delete(id);
  if (!deleted.ok) return fail(io, deleted.error.message);
  io.err(`deleted snapshot ${id}`);
  return 0;
}

/** `snapshot export ID [--out F]`: the dump exactly as saved, to a file or stdout. */
export async function runSnapshotExport(
  store: SnapshotStore,
  id: string,
  flags: { out?: string },
  io: SnapshotIo = defaultIo,
): Promise<number> {
  const got = await store.get(id);
  if (!got.ok) return fail(io, got.error.message);
  if (flags.out === undefined) {
    io.out(got.value.dump);
    return 0;
  }
  try {
    writeFileSync(flags.out, got.value.dump);
  } catch (err) {
    return fail(
      io,
      `cannot write ${flags.out} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  io.err(`wrote ${got.value.name} (${id}) to ${flags.out}`);
  return 0;
}

/** `snapshot diff ID1 ID2`: exit 0 when they match, 1 when they differ, 2 for unusable input (like `diff`). */
export async function runSnapshotDiff(
  store: SnapshotStore,
  ids: [string, string],
  flags: { json?: boolean; only?: string },
  io: SnapshotIo = defaultIo,
): Promise<number> {
  const kinds = flags.only === undefined ? undefined : parseDiffKinds(flags.only);
  if (kinds && !kinds.ok) return fail(io, `--only: ${kinds.message}`, 2);
  const loaded: Snapshot[] = [];
  for (const id of ids) {
    const got = await store.get(id);
    if (!got.ok) return fail(io, got.error.message, 2);
    loaded.push(got.value);
  }
  const dumps = loaded.map((s) => ({ s, parsed: parseConfigDump(s.dump, { fileName: s.name }) }));
  for (const { s, parsed } of dumps) {
    if (!parsed.ok) return fail(io, `snapshot ${s.id}: ${parsed.error.message}`, 2);
  }
  const [a, b] = dumps;
  if (!a?.parsed.ok || !b?.parsed.ok) return 2;
  const diff = diffDumps(a.parsed.dump, b.parsed.dump, kinds ? { kinds: kinds.kinds } : {});
  const label = (s: Snapshot): string => `${s.name} (${s.id}, ${s.createdAt})`;
  io.out(
    flags.json ? JSON.stringify(diff, null, 2) : formatDumpDiff(diff, [label(a.s), label(b.s)]),
  );
  return diff.identical ? 0 : 1;
}

/** Opens the store the flags name, runs `fn` on it, closes it and sets the exit code. */
async function withStore(
  flags: SnapshotStoreFlags,
  fn: (store: SnapshotStore) => Promise<number>,
): Promise<void> {
  const opened = openSnapshotStore(flags);
  if (!opened.ok) {
    process.exitCode = fail(defaultIo, opened.error.message, 2);
    return;
  }
  try {
    process.exitCode = await fn(opened.value);
  } finally {
    await opened.value.close();
  }
}

/** `meshlens snapshot save|list|show|delete|export|diff`: saved snapshots, the same store `serve` uses. */
export function registerSnapshotCommand(program: Command): void {
  const snapshot = program
    .command('snapshot')
    .description(
      'Save config dumps as named snapshots and list, show, export, delete or compare them later (SQLite under --data-dir by default, PostgreSQL with --database-url; the store meshlens serve uses).',
    );

  addSnapshotStoreFlags(
    snapshot
      .command('save')
      .description('Save a config dump file as a snapshot; prints its id.')
      .requiredOption('-f, --file <dump>', 'Envoy config dump (JSON/YAML, optionally gzipped)')
      .requiredOption('-n, --name <name>', 'name shown in lists')
      .option('--kind <kind>', 'upload (a dump file) or live (captured from a proxy)', 'upload')
      .option('--source <text>', 'proxy id or description (default: the file path)')
      .option('--view <query>', 'web view state to reopen with it (the URL query)'),
  ).action((flags: SaveFlags & SnapshotStoreFlags) =>
    withStore(flags, (s) => runSnapshotSave(s, flags)),
  );

  addSnapshotStoreFlags(
    snapshot
      .command('list')
      .description('List saved snapshots, newest first.')
      .option('--json', 'print JSON'),
  ).action((flags: { json?: boolean } & SnapshotStoreFlags) =>
    withStore(flags, (s) => runSnapshotList(s, flags)),
  );

  addSnapshotStoreFlags(
    snapshot
      .command('show')
      .description("Show one snapshot's details (not its dump: see export).")
      .argument('<id>', 'snapshot id')
      .option('--json', 'print JSON'),
  ).action((id: string, flags: { json?: boolean } & SnapshotStoreFlags) =>
    withStore(flags, (s) => runSnapshotShow(s, id, flags)),
  );

  addSnapshotStoreFlags(
    snapshot.command('delete').description('Delete a snapshot.').argument('<id>', 'snapshot id'),
  ).action((id: string, flags: SnapshotStoreFlags) =>
    withStore(flags, (s) => runSnapshotDelete(s, id)),
  );

  addSnapshotStoreFlags(
    snapshot
      .command('export')
      .description("Write a snapshot's dump exactly as it was saved.")
      .argument('<id>', 'snapshot id')
      .option('-o, --out <file>', 'write here (default: stdout)'),
  ).action((id: string, flags: { out?: string } & SnapshotStoreFlags) =>
    withStore(flags, (s) => runSnapshotExport(s, id, flags)),
  );

  addSnapshotStoreFlags(
    snapshot
      .command('diff')
      .description(
        'Compare two snapshots object by object, like meshlens diff (exit 1 when they differ).',
      )
      .argument('<first>', 'snapshot id')
      .argument('<second>', 'snapshot id')
      .option('--json', 'print the differences as JSON')
      .option(
        '--only <kinds>',
        'compare only these kinds, comma-separated (see meshlens diff --help)',
      ),
  ).action(
    (
      first: string,
      second: string,
      flags: { json?: boolean; only?: string } & SnapshotStoreFlags,
    ) => withStore(flags, (s) => runSnapshotDiff(s, [first, second], flags)),
  );
}
