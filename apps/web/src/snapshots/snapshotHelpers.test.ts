// The pure parts of saving and reopening snapshots, on a real captured sidecar dump.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { type ConfigDump, parseConfigDump } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { defaultMeshUrlState } from '../mesh/meshUrlState';
import { emptyDump } from '../testing/emptyDump';
import { decodeAppUrlState, encodeAppUrlState } from '../urlState/appUrlState';
import { defaultSnapshotName, formatSnapshotTime } from './defaultSnapshotName';
import { formatSnapshotSize } from './formatSnapshotSize';
import { readSourceText } from './readSourceText';
import { proxyIdOf, rememberSnapshotOrigin, snapshotOriginOf } from './snapshotOrigin';
import { applySnapshotViewState, viewStateForSave } from './snapshotViewState';

const sidecarFile = 'istio13rc-productpage-sidecar-v2alpha.json';

function parse(text: string): ConfigDump {
  const parsed = parseConfigDump(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.dump;
}

describe('snapshot names', () => {
  it('formats the local time with zero padding', () => {
    expect(formatSnapshotTime(new Date(2026, 0, 5, 7, 3, 59))).toBe('2026-01-05 07:03');
  });

  it('falls back to the tab label when the dump names no proxy', () => {
    const at = new Date(2026, 10, 21, 11, 45);
    expect(defaultSnapshotName(emptyDump(), 'pasted dump (2)', at)).toBe(
      'pasted dump (2) 2026-11-21 11:45',
    );
  });
});

describe('snapshot sizes', () => {
  it('uses bytes below 1 KB, one decimal below 10 units, whole units above', () => {
    expect(formatSnapshotSize(812)).toBe('812 B');
    expect(formatSnapshotSize(1024)).toBe('1.0 KB');
    expect(formatSnapshotSize(14_540)).toBe('14 KB');
    expect(formatSnapshotSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatSnapshotSize(5 * 1024 ** 4)).toBe('5120 GB');
  });
});

describe('snapshot view state', () => {
  it('saves the query without ? and without the snapshot parameter, keeping the rest', () => {
    const saved = viewStateForSave('?snapshot=abc&dump=a%20b&view=tables&q=x%26y');
    const params = new URLSearchParams(saved);
    expect(params.has('snapshot')).toBe(false);
    expect(params.get('dump')).toBe('a b');
    expect(params.get('q')).toBe('x&y');
  });

  it('reopens the saved view on the new tab and leaves the mesh page and compare view closed', () => {
    const query = encodeAppUrlState({
      dump: 'productpage-v1 (2)',
      view: 'tables',
      table: 'clusters',
      filter: 'outbound|9080||reviews',
      sort: { column: 'fqdn', desc: true },
      graph: {
        direction: 'inbound',
        hiddenLevels: ['endpoint'],
        expanded: [],
        selected: 'cluster:outbound|9080||reviews.default.svc.cluster.local',
        focus: 'cluster:outbound|9080||reviews.default.svc.cluster.local',
      },
      mesh: { ...defaultMeshUrlState, open: true },
      diff: { left: 'a.json', right: 'b.json' },
    });
    const state = applySnapshotViewState(query, 'Before the rollout');
    const saved = decodeAppUrlState(query);
    expect(state.dump).toBe('Before the rollout');
    expect(state.view).toBe('tables');
    expect(state.table).toBe('clusters');
    expect(state.filter).toBe('outbound|9080||reviews');
    expect(state.sort).toEqual({ column: 'fqdn', desc: true });
    expect(state.graph).toEqual(saved.graph);
    expect(state.graph.focus).toBe('cluster:outbound|9080||reviews.default.svc.cluster.local');
    expect(state).not.toHaveProperty('mesh');
    expect(state).not.toHaveProperty('diff');
  });

  it('opens the overview when nothing was saved', () => {
    const state = applySnapshotViewState(null, 'x');
    expect(state).toEqual({ ...decodeAppUrlState(''), dump: 'x' });
    expect(state.view).toBe('overview');
  });
});

describeFixtures('snapshot origin and text (real sidecar dump)', () => {
  const text = readFileSync(fixture('config-dumps', sidecarFile), 'utf8');
  const dump = parse(text);

  it('names the proxy pod.namespace and offers it as the default name', () => {
    expect(dump.node?.podName).toBeTruthy();
    expect(proxyIdOf(dump)).toBe(`${dump.node?.podName}.${dump.node?.namespace}`);
    const at = new Date(2026, 10, 21, 9, 5);
    expect(defaultSnapshotName(dump, 'tab', at)).toBe(`${proxyIdOf(dump)} 2026-11-21 09:05`);
  });

  it('calls a file or pasted text an upload (source: its name) and a fetched Blob live (source: proxy id)', () => {
    const file = new File([text], sidecarFile);
    expect(snapshotOriginOf({ kind: 'blob', name: sidecarFile, blob: file }, dump)).toEqual({
      kind: 'upload',
      source: sidecarFile,
    });
    expect(snapshotOriginOf({ kind: 'text', name: 'pasted dump', text }, dump)).toEqual({
      kind: 'upload',
      source: 'pasted dump',
    });
    const fetched = new Blob([text]);
    expect(
      snapshotOriginOf({ kind: 'blob', name: 'productpage.json', blob: fetched }, dump),
    ).toEqual({ kind: 'live', source: proxyIdOf(dump) });
  });

  it('keeps the saved origin of a reopened snapshot', () => {
    const blob = new Blob([text]);
    rememberSnapshotOrigin(blob, { kind: 'upload', source: sidecarFile });
    expect(snapshotOriginOf({ kind: 'blob', name: 'My snapshot', blob }, dump)).toEqual({
      kind: 'upload',
      source: sidecarFile,
    });
  });

  it('reads the text back exactly as loaded, from a File, a gzipped File and pasted text', async () => {
    expect(await readSourceText({ kind: 'blob', name: 'a', blob: new File([text], 'a') })).toBe(
      text,
    );
    const gz = new File([new Uint8Array(gzipSync(text))], 'a.json.gz');
    expect(await readSourceText({ kind: 'blob', name: 'a.json.gz', blob: gz })).toBe(text);
    expect(await readSourceText({ kind: 'text', name: 'p', text })).toBe(text);
  });
});
