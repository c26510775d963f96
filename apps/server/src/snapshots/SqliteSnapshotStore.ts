// Embedded SQLite store: one file, `<data dir>/meshlens.sqlite`, created by the first save.
//
// Why sql.js rather than better-sqlite3: sql.js is SQLite compiled to WebAssembly and shipped
// inside its npm package, so `pnpm install` needs no install script, no compiler and no download
// from outside the npm registry (better-sqlite3 fetches a prebuilt binary from GitHub or compiles
// with node-gyp, which also fetches Node headers). The price: sql.js holds the database in memory
// and writes it back whole, so writes take a file lock (fileLock.ts) and an atomic rename, and
// reads reopen the file only when another process replaced it. That suits a personal store of tens
// to hundreds of gzipped dumps; a team sharing one server should use PostgreSQL.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import { withFileLock } from './fileLock';
import { dumpOfRecord, kindOf, toSnapshotRecord } from './snapshotRecord';
import {
  storeError,
  type NewSnapshot,
  type Snapshot,
  type SnapshotMeta,
  type SnapshotStore,
  type StoreResult,
} from './SnapshotStore';

/** File name of the database inside the data directory. */
export const SQLITE_FILE_NAME = 'meshlens.sqlite';

/** Schema versions, applied in order; `PRAGMA user_version` records how many ran. */
const migrations: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS snapshots (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('upload', 'live')),
     source TEXT NOT NULL,
     view_state TEXT,
     created_at TEXT NOT NULL,
     dump_bytes INTEGER NOT NULL,
     dump_gzip BLOB NOT NULL
   );
   CREATE INDEX IF NOT EXISTS snapshots_created_at ON snapshots (created_at);`,
];

const META_COLUMNS =
  'id, name, kind, source, view_state, created_at, dump_bytes, length(dump_gzip) AS stored_bytes';

let sqlJs: Promise<SqlJsStatic> | undefined;

function loadSqlJs(): Promise<SqlJsStatic> {
  // The WebAssembly module is compiled once per process.
  sqlJs ??= initSqlJs();
  return sqlJs;
}

function errno(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}

function metaOf(row: Record<string, SqlValue>): SnapshotMeta {
  return {
    id: String(row.id),
    name: String(row.name),
    kind: kindOf(row.kind),
    source: String(row.source),
    viewState: row.view_state === null ? null : String(row.view_state),
    createdAt: String(row.created_at),
    dumpBytes: Number(row.dump_bytes),
    storedBytes: Number(row.stored_bytes),
  };
}

function rows(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql, params);
  try {
    const out: Record<string, SqlValue>[] = [];
    while (stmt.step()) out.push(stmt.getAsObject());
    return out;
  } finally {
    stmt.free();
  }
}

/** Snapshots in a SQLite file under `dataDir` (nothing is created before the first save). */
export class SqliteSnapshotStore implements SnapshotStore {
  readonly kind = 'sqlite' as const;
  readonly description: string;
  private readonly file: string;
  /** The open database and the identity (inode, size, mtime) of the file it was read from. */
  private cache: { key: string; db: Database } | undefined;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, SQLITE_FILE_NAME);
    this.description = `SQLite ${this.file}`;
  }

  private fileKey(): string | undefined {
    try {
      const st = statSync(this.file);
      return `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch (err) {
      if (errno(err) === 'ENOENT') return undefined;
      throw err;
    }
  }

  private migrate(db: Database): void {
    const version = Number(rows(db, 'PRAGMA user_version')[0]?.user_version ?? 0);
    if (version > migrations.length) {
      throw new Error(`it was written by a newer Meshlens (schema ${version}); upgrade meshlens`);
    }
    for (let v = version; v < migrations.length; v++) db.exec(migrations[v] ?? '');
    db.exec(`PRAGMA user_version = ${migrations.length}`);
  }

  /** The current database (re-read when the file changed), or undefined when there is no file yet. */
  private current(SQL: SqlJsStatic, create: boolean): Database | undefined {
    const key = this.fileKey();
    if (key !== undefined && this.cache?.key === key) return this.cache.db;
    this.cache?.db.close();
    this.cache = undefined;
    if (key === undefined && !create) return undefined;
    const db = key === undefined ? new SQL.Database() : new SQL.Database(readFileSync(this.file));
    try {
      this.migrate(db);
    } catch (err) {
      db.close();
      throw err;
    }
    this.cache = { key: key ?? 'new', db };
    return db;
  }

  /** Writes the database next to the file, flushes it and renames it over (readers never see half a file). */
  private persist(db: Database): void {
    const bytes = db.export();
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(tmp, this.file);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        // Report the rename failure, not the clean-up's.
      }
      throw err;
    }
    this.cache = { key: this.fileKey() ?? 'new', db };
  }

  private failure<T>(action: string, err: unknown): StoreResult<T> {
    const why = err instanceof Error && !('code' in err) ? err.message : errno(err);
    return storeError(
      'unavailable',
      `Cannot ${action} ${this.file} (${why}). Check the file, or choose another folder with --data-dir or MESHLENS_DATA_DIR.`,
    );
  }

  private async read<T>(fn: (db: Database | undefined) => StoreResult<T>): Promise<StoreResult<T>> {
    try {
      const SQL = await loadSqlJs();
      return fn(this.current(SQL, false));
    } catch (err) {
      this.dropCache();
      return this.failure('read', err);
    }
  }

  private async write<T>(fn: (db: Database) => StoreResult<T>): Promise<StoreResult<T>> {
    try {
      const SQL = await loadSqlJs();
      mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
      const locked = await withFileLock(`${this.file}.lock`, () => {
        const db = this.current(SQL, true);
        if (db === undefined) throw new Error('the database could not be created');
        const result = fn(db);
        if (result.ok) this.persist(db);
        else this.dropCache(); // undo nothing-written changes by re-reading next time
        return result;
      });
      return locked.ok
        ? locked.value
        : storeError('unavailable', `Cannot write ${this.file}: ${locked.message}.`);
    } catch (err) {
      this.dropCache();
      return this.failure('write', err);
    }
  }

  private dropCache(): void {
    this.cache?.db.close();
    this.cache = undefined;
  }

  async save(snapshot: NewSnapshot): Promise<StoreResult<SnapshotMeta>> {
    const record = toSnapshotRecord(snapshot);
    if (!record.ok) return record;
    const { meta, gzip } = record.value;
    return this.write((db) => {
      db.run(
        `INSERT INTO snapshots (id, name, kind, source, view_state, created_at, dump_bytes, dump_gzip)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          meta.id,
          meta.name,
          meta.kind,
          meta.source,
          meta.viewState,
          meta.createdAt,
          meta.dumpBytes,
          gzip,
        ],
      );
      return { ok: true, value: meta };
    });
  }

  list(): Promise<StoreResult<SnapshotMeta[]>> {
    return this.read((db) => ({
      ok: true,
      value: db
        ? rows(
            db,
            `SELECT ${META_COLUMNS} FROM snapshots ORDER BY created_at DESC, rowid DESC`,
          ).map(metaOf)
        : [],
    }));
  }

  get(id: string): Promise<StoreResult<Snapshot>> {
    return this.read((db) => {
      const row = db
        ? rows(db, `SELECT ${META_COLUMNS}, dump_gzip FROM snapshots WHERE id = ?`, [id])[0]
        : undefined;
      if (!row) return storeError('not_found', `No snapshot ${id}.`);
      const gzip = row.dump_gzip;
      const dump = dumpOfRecord(id, gzip instanceof Uint8Array ? gzip : new Uint8Array());
      return dump.ok ? { ok: true, value: { ...metaOf(row), dump: dump.value } } : dump;
    });
  }

  async delete(id: string): Promise<StoreResult<void>> {
    // Look first: deleting a missing id must not create the database file.
    const exists = await this.read((db) => ({
      ok: true,
      value: db ? rows(db, 'SELECT 1 AS one FROM snapshots WHERE id = ?', [id]).length > 0 : false,
    }));
    if (!exists.ok) return exists;
    if (!exists.value) return storeError('not_found', `No snapshot ${id}.`);
    return this.write((db) => {
      db.run('DELETE FROM snapshots WHERE id = ?', [id]);
      return db.getRowsModified() > 0
        ? { ok: true, value: undefined }
        : storeError('not_found', `No snapshot ${id}.`);
    });
  }

  close(): Promise<void> {
    this.dropCache();
    return Promise.resolve();
  }
}
