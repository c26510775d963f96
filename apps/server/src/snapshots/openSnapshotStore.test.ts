import { describe, expect, it } from 'vitest';
import { openSnapshotStore, resolveDataDir } from './openSnapshotStore';

const env = { HOME: '/home/ana' };

function describeStore(...args: Parameters<typeof openSnapshotStore>): string {
  const r = openSnapshotStore(...args);
  if (!r.ok) return `error: ${r.error.message}`;
  void r.value.close();
  return r.value.description;
}

describe('choosing the snapshot store', () => {
  it('defaults to SQLite in ~/.meshlens, or $MESHLENS_DATA_DIR, or --data-dir (with ~ expanded)', () => {
    expect(resolveDataDir({}, env)).toBe('/home/ana/.meshlens');
    expect(resolveDataDir({}, { ...env, MESHLENS_DATA_DIR: '~/snaps' })).toBe('/home/ana/snaps');
    expect(resolveDataDir({ dataDir: '/srv/m' }, { ...env, MESHLENS_DATA_DIR: '/x' })).toBe(
      '/srv/m',
    );
    expect(describeStore({}, env)).toBe('SQLite /home/ana/.meshlens/meshlens.sqlite');
  });

  it('uses PostgreSQL for --database-url or $MESHLENS_DATABASE_URL, never showing the password', () => {
    const url = 'postgres://team:s3cret@db.internal:5432/meshlens';
    expect(describeStore({ databaseUrl: url }, env)).toBe(
      'PostgreSQL postgres://team@db.internal:5432/meshlens',
    );
    expect(describeStore({}, { ...env, MESHLENS_DATABASE_URL: url })).toMatch(/^PostgreSQL /);
    // An explicit --data-dir beats the environment's database URL.
    expect(describeStore({ dataDir: '/srv/m' }, { ...env, MESHLENS_DATABASE_URL: url })).toBe(
      'SQLite /srv/m/meshlens.sqlite',
    );
  });

  it('refuses a URL that is not PostgreSQL, saying what it expects', () => {
    expect(describeStore({ databaseUrl: 'mysql://db/x' }, env)).toMatch(/^error: .*postgres:\/\//);
  });
});
