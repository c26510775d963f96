// The behaviour every SnapshotStore must have, run against SQLite (a temp data dir) and against a
// real PostgreSQL. `reopen` closes the store and opens a fresh one on the same database, as a
// server restart would.
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import type { SnapshotStore, StoreResult } from './SnapshotStore';

/** The value of a result that must have succeeded (the failure message shows otherwise). */
export function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const mesh = generateDemoMesh();

/** Real dump texts: demo proxies' config dumps as Envoy's admin API prints them. */
export const demoDumpTexts: string[] = mesh.proxies
  .slice(0, 3)
  .map((p) => JSON.stringify(p.dump, null, 2));

/** Hooks a concrete store gives the suite. */
export interface StoreHarness {
  /** A store on the database under test (same database every call). */
  open(): SnapshotStore;
  /** Optional: restart the database server itself between close and reopen. */
  restartDatabase?: () => Promise<void>;
}

/** Registers the common store tests. The database must start empty. */
export function describeSnapshotStore(label: string, harness: () => StoreHarness): void {
  describe(`${label}: SnapshotStore behaviour`, () => {
    it('starts empty and reports unknown ids as not_found', async () => {
      const store = harness().open();
      try {
        expect(must(await store.list())).toEqual([]);
        const got = await store.get('AAAAAAAAAAAA');
        expect(got.ok ? 'found' : got.error.code).toBe('not_found');
        const del = await store.delete('AAAAAAAAAAAA');
        expect(del.ok ? 'deleted' : del.error.code).toBe('not_found');
      } finally {
        await store.close();
      }
    });

    it('saves a dump gzipped, lists it without the dump and returns it byte for byte', async () => {
      const store = harness().open();
      try {
        const dump = `${demoDumpTexts[0]}\n// café ✓`; // non-ASCII must survive storage
        const meta = must(
          await store.save({
            name: '  productpage before rollout ',
            kind: 'live',
            source: 'productpage-v1.bookinfo',
            dump,
            viewState: '?view=graph&sel=cluster%3Areviews',
          }),
        );
        expect(meta.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
        expect(meta.name).toBe('productpage before rollout');
        expect(meta.viewState).toBe('view=graph&sel=cluster%3Areviews');
        expect(meta.dumpBytes).toBe(Buffer.byteLength(dump, 'utf8'));
        // Config dumps are repetitive JSON: gzip must shrink them a lot.
        expect(meta.storedBytes).toBeGreaterThan(0);
        expect(meta.storedBytes).toBeLessThan(meta.dumpBytes / 4);

        const listed = must(await store.list());
        expect(listed).toEqual([meta]);
        expect(listed[0]).not.toHaveProperty('dump');

        const got = must(await store.get(meta.id));
        expect(got.dump).toBe(dump);
        expect({ ...got, dump: undefined }).toEqual({ ...meta, dump: undefined });
        must(await store.delete(meta.id));
      } finally {
        await store.close();
      }
    });

    it('lists newest first and deletes only the snapshot asked for', async () => {
      const store = harness().open();
      try {
        const at = (iso: string) => new Date(iso);
        const [a, b, c] = [
          must(
            await store.save({
              name: 'b-middle',
              kind: 'upload',
              source: 'b.json',
              dump: demoDumpTexts[1] ?? '',
              createdAt: at('2026-01-02T00:00:00Z'),
            }),
          ),
          must(
            await store.save({
              name: 'c-newest',
              kind: 'upload',
              source: 'c.json',
              dump: demoDumpTexts[2] ?? '',
              createdAt: at('2026-01-03T00:00:00Z'),
            }),
          ),
          must(
            await store.save({
              name: 'a-oldest',
              kind: 'upload',
              source: 'a.json',
              dump: demoDumpTexts[0] ?? '',
              createdAt: at('2026-01-01T00:00:00Z'),
            }),
          ),
        ];
        expect(must(await store.list()).map((m) => m.name)).toEqual([
          'c-newest',
          'b-middle',
          'a-oldest',
        ]);
        expect(must(await store.get(c.id)).createdAt).toBe('2026-01-01T00:00:00.000Z');
        expect(must(await store.get(c.id)).viewState).toBeNull();

        must(await store.delete(a.id));
        const gone = await store.get(a.id);
        expect(gone.ok ? 'found' : gone.error.code).toBe('not_found');
        expect(must(await store.list()).map((m) => m.id)).toEqual([b.id, c.id]);
        // The others keep their dumps.
        expect(must(await store.get(b.id)).dump).toBe(demoDumpTexts[2]);
        must(await store.delete(b.id));
        must(await store.delete(c.id));
        expect(must(await store.list())).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('refuses invalid snapshots with a message and stores nothing', async () => {
      const store = harness().open();
      try {
        const dump = demoDumpTexts[0] ?? '';
        const cases = [
          { name: '   ', kind: 'upload' as const, source: '', dump, why: /needs a name/ },
          {
            name: 'x'.repeat(201),
            kind: 'upload' as const,
            source: '',
            dump,
            why: /longer than 200/,
          },
          {
            name: 'bad kind',
            kind: 'file' as 'upload',
            source: '',
            dump,
            why: /"upload" or "live"/,
          },
          { name: 'empty', kind: 'upload' as const, source: '', dump: ' \n', why: /empty/ },
        ];
        for (const { why, ...input } of cases) {
          const r = await store.save(input);
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.error.code).toBe('invalid');
            expect(r.error.message).toMatch(why);
          }
        }
        expect(must(await store.list())).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('keeps every one of several concurrent saves', async () => {
      const store = harness().open();
      try {
        const saved = await Promise.all(
          [0, 1, 2, 3, 4].map((i) =>
            store.save({
              name: `parallel ${i}`,
              kind: 'upload',
              source: '',
              dump: demoDumpTexts[i % 3] ?? '',
            }),
          ),
        );
        const ids = saved.map(must).map((m) => m.id);
        expect(new Set(ids).size).toBe(5);
        expect(
          must(await store.list())
            .map((m) => m.id)
            .sort(),
        ).toEqual([...ids].sort());
        for (const id of ids) must(await store.delete(id));
      } finally {
        await store.close();
      }
    });

    it('survives a restart: close the store, reopen it, the snapshots and dumps are there', async () => {
      const h = harness();
      const first = h.open();
      const meta = must(
        await first.save({
          name: 'before restart',
          kind: 'upload',
          source: 'sidecar.json',
          dump: demoDumpTexts[1] ?? '',
          viewState: 'view=tables',
        }),
      );
      await first.close();
      if (h.restartDatabase) await h.restartDatabase();
      const second = h.open();
      try {
        expect(must(await second.list())).toEqual([meta]);
        const got = must(await second.get(meta.id));
        expect(got.dump).toBe(demoDumpTexts[1]);
        expect(got.viewState).toBe('view=tables');
        must(await second.delete(meta.id));
      } finally {
        await second.close();
      }
    });
  });
}
