import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/conformance/fixtures';
import { describeFixtures } from '../../../../tests/conformance/fixtures';
import { DumpAssembler } from './dumpTransfer';
import { runParseJob } from './runParseJob';
import {
  isGzip,
  overallProgress,
  parserInput,
  readInChunks,
  type WorkerReply,
} from './workerProtocol';

describe('worker message protocol', () => {
  it('maps read, parse and receive progress onto one increasing bar', () => {
    const points = [
      overallProgress('read', 0),
      overallProgress('read', 0.5),
      overallProgress('read', 1),
      overallProgress('parse', 0.5),
      overallProgress('parse', 1),
      overallProgress('receive', 0.5),
      overallProgress('receive', 1),
    ];
    expect(points[0]).toBe(0);
    expect(points.at(-1)).toBeCloseTo(1, 10);
    for (let i = 1; i < points.length; i++) expect(points[i]!).toBeGreaterThan(points[i - 1]!);
    expect(overallProgress('parse', Number.NaN)).toBe(overallProgress('parse', 0));
    expect(overallProgress('read', 7)).toBe(overallProgress('read', 1));
  });

  it('reads a blob in chunks, reporting each step, byte for byte', async () => {
    const bytes = new Uint8Array(10_000).map((_, i) => i % 251);
    const seen: number[] = [];
    const out = await readInChunks(new Blob([bytes]), (f) => seen.push(f), 4096);
    expect(out).toEqual(bytes);
    expect(seen).toEqual([0, 4096 / 10_000, 8192 / 10_000, 1]);
  });

  it('keeps gzip as bytes and decodes everything else as text', () => {
    const gz = new Uint8Array(gzipSync('{"configs":[]}'));
    expect(isGzip(gz)).toBe(true);
    expect(parserInput(gz)).toBe(gz);
    const text = parserInput(new TextEncoder().encode('{"configs": []}'));
    expect(text).toBe('{"configs": []}');
  });

  it('answers a bad text job with one failed message carrying the job id and the error', async () => {
    const msgs: WorkerReply[] = [];
    await runParseJob(
      {
        type: 'parse',
        jobId: 42,
        source: { kind: 'text', name: 'bad.json', text: '{"configs": [' },
      },
      (m) => msgs.push(m),
    );
    const last = msgs.at(-1);
    expect(last?.type).toBe('failed');
    expect(last?.jobId).toBe(42);
    if (last?.type === 'failed') expect(last.error.code).toBe('invalid_json');
  });
});

describeFixtures('worker parse job on real dumps', () => {
  it('parses a gzipped real dump read in chunks and sends it in parts that reassemble', async () => {
    const raw = readFileSync(fixture('config-dumps', 'istio13rc-productpage-sidecar-v2alpha.json'));
    const msgs: WorkerReply[] = [];
    await runParseJob(
      {
        type: 'parse',
        jobId: 7,
        source: { kind: 'blob', name: 'productpage.json.gz', blob: new Blob([gzipSync(raw)]) },
      },
      (m) => msgs.push(structuredClone(m)),
    );
    const reads = msgs.filter((m) => m.type === 'progress' && m.phase === 'read');
    expect(reads.at(-1)).toMatchObject({ fraction: 1 });
    const parts = msgs.filter((m) => m.type === 'part');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.seq)).toEqual(parts.map((_, i) => i));
    expect(new Set(parts.map((p) => p.total))).toEqual(new Set([parts.length]));
    const assembler = new DumpAssembler();
    for (const p of parts) assembler.add(p.part);
    const dump = assembler.result();
    expect(dump?.listeners.length).toBeGreaterThan(0);
    expect(dump?.source.gzip).toBe(true);
  });
});
