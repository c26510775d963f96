// PostgreSQL store, for teams running one shared Meshlens server (`--database-url postgres://...`).
// Parameterised queries only; the table is created on first use by idempotent migrations that hold
// an advisory lock, so several servers starting at once do not race.
import pg from 'pg';
import { dumpOfRecord, kindOf, toSnapshotRecord } from './snapshotRecord';
import {
  storeError,
  type NewSnapshot,
  type Snapshot,
  type SnapshotMeta,
  type SnapshotStore,
  type StoreResult,
} from './SnapshotStore';

/** Schema versions, applied in order inside one transaction each; `meshlens_migrations` records them. */
const migrations: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meshlens_snapshots (
     seq BIGINT GENERATED ALWAYS AS IDENTITY,
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('upload', 'live')),
     source TEXT NOT NULL,
     view_state TEXT,
     created_at TIMESTAMPTZ NOT NULL,
     dump_bytes BIGINT NOT NULL,
     dump_gzip BYTEA NOT NULL
   );
   CREATE INDEX IF NOT EXISTS meshlens_snapshots_created_at ON meshlens_snapshots (created_at)`,
];

/** Any constant: the key of the advisory lock that serialises migrations across servers. */
const MIGRATION_LOCK = 0x6d65_7368;

const META_COLUMNS =
  'id, name, kind, source, view_state, created_at, dump_bytes, octet_length(dump_gzip) AS stored_bytes';

interface MetaRow {
  id: string;
  name: string;
  kind: string;
  source: string;
  view_state: string | null;
  created_at: Date;
  dump_bytes: string | number;
  stored_bytes: string | number;
}

function metaOf(row: MetaRow): SnapshotMeta {
  return {
    id: row.id,
    name: row.name,
    kind: kindOf(row.kind),
    source: row.source,
    viewState: row.view_state,
    createdAt: row.created_at.toISOString(),
    dumpBytes: Number(row.dump_bytes),
    storedBytes: Number(row.stored_bytes),
  };
}

/** The URL without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'the --database-url (not a valid URL)';
  }
}

/** Options of {@link PostgresSnapshotStore}. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (libpq-style query options such as `sslmode` work). */
  url: string;
  /** Give up connecting after this long (default 5 s). */
  connectTimeoutMs?: number;
  /** Most connections held at once (default 4). */
  maxConnections?: number;
}

/** Snapshots in a PostgreSQL table `meshlens_snapshots` (connects on the first call). */
export class PostgresSnapshotStore implements SnapshotStore {
  readonly kind = 'postgres' as const;
  readonly description: string;
  private readonly pool: pg.Pool;
  private readonly url: string;
  private ready: Promise<StoreResult<void>> | undefined;

  constructor(options: PostgresStoreOptions) {
    this.url = options.url;
    this.description = `PostgreSQL ${describeDatabaseUrl(options.url)}`;
    this.pool = new pg.Pool({
      connectionString: options.url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      max: options.maxConnections ?? 4,
    });
    // An idle connection dropped by the server emits here; without a listener Node would crash.
    this.pool.on('error', () => undefined);
  }

  private failure<T>(err: unknown): StoreResult<T> {
    const e = err as { code?: unknown; message?: unknown };
    const code = typeof e.code === 'string' ? ` [${e.code}]` : '';
    const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(err);
    return storeError(
      'unavailable',
      `PostgreSQL at ${describeDatabaseUrl(this.url)} failed: ${message}${code}. Check that it is running and that --database-url (or MESHLENS_DATABASE_URL) is right.`,
    );
  }

  private async migrate(): Promise<StoreResult<void>> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS meshlens_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const done = await client.query<{ v: number | null }>(
        'SELECT max(version) AS v FROM meshlens_migrations',
      );
      const version = done.rows[0]?.v ?? 0;
      if (version > migrations.length) {
        throw new Error(
          `the database was migrated by a newer Meshlens (schema ${version}); upgrade meshlens`,
        );
      }
      for (let v = version; v < migrations.length; v++) {
        await client.query(migrations[v] ?? '');
        await client.query('INSERT INTO meshlens_migrations (version) VALUES ($1)', [v + 1]);
      }
      await client.query('COMMIT');
      return { ok: true, value: undefined };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Runs `fn` once the schema is in place; connection and SQL errors become values. */
  private async run<T>(fn: () => Promise<StoreResult<T>>): Promise<StoreResult<T>> {
    try {
      this.ready ??= this.migrate();
      const ready = await this.ready;
      if (!ready.ok) return ready;
      return await fn();
    } catch (err) {
      // Try the migrations again next time: the server may come back.
      this.ready = undefined;
      return this.failure(err);
    }
  }

  save(snapshot: NewSnapshot): Promise<StoreResult<SnapshotMeta>> {
    const record = toSnapshotRecord(snapshot);
    if (!record.ok) return Promise.resolve(record);
    const { meta, gzip } = record.value;
    return this.run(async () => {
      await this.pool.query(
        `INSERT INTO meshlens_snapshots (id, name, kind, source, view_state, created_at, dump_bytes, dump_gzip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
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
    return this.run(async () => {
      const r = await this.pool.query<MetaRow>(
        `SELECT ${META_COLUMNS} FROM meshlens_snapshots ORDER BY created_at DESC, seq DESC`,
      );
      return { ok: true, value: r.rows.map(metaOf) };
    });
  }

  get(id: string): Promise<StoreResult<Snapshot>> {
    return this.run(async () => {
      const r = await this.pool.query<MetaRow & { dump_gzip: Buffer }>(
        `SELECT ${META_COLUMNS}, dump_gzip FROM meshlens_snapshots WHERE id = $1`,
        [id],
      );
      const row = r.rows[0];
      if (!row) return storeError('not_found', `No snapshot ${id}.`);
      const dump = dumpOfRecord(id, row.dump_gzip);
      return dump.ok ? { ok: true, value: { ...metaOf(row), dump: dump.value } } : dump;
    });
  }

  delete(id: string): Promise<StoreResult<void>> {
    return this.run(async () => {
      const r = await this.pool.query('DELETE FROM meshlens_snapshots WHERE id = $1', [id]);
      return (r.rowCount ?? 0) > 0
        ? { ok: true, value: undefined }
        : storeError('not_found', `No snapshot ${id}.`);
    });
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
