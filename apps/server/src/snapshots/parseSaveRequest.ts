// Validates `POST /api/snapshots` bodies at the edge: shape first, then that the dump is a config
// dump Meshlens can open (a snapshot that cannot be reopened is worse than no snapshot).
import { parseConfigDump } from '@meshlens/configdump';
import { storeError, type NewSnapshot, type StoreResult } from './SnapshotStore';

function field(body: Record<string, unknown>, key: string): string | undefined | null {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : null;
}

/** Checks that `dump` parses as an Envoy config dump; the error names the parser's reason. */
export function checkDumpText(dump: string, label = 'The dump'): StoreResult<void> {
  const parsed = parseConfigDump(dump);
  return parsed.ok
    ? { ok: true, value: undefined }
    : storeError(
        'invalid',
        `${label} is not a config dump Meshlens can open: ${parsed.error.message}`,
      );
}

/** The snapshot a request body asks to save, or an `invalid` error saying which field is wrong. */
export function parseSaveRequest(body: unknown): StoreResult<NewSnapshot> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return storeError(
      'invalid',
      'Send a JSON object {"name", "kind": "upload"|"live", "source", "dump", "viewState"} with Content-Type: application/json.',
    );
  }
  const b = body as Record<string, unknown>;
  const name = field(b, 'name');
  const kind = field(b, 'kind');
  const source = field(b, 'source');
  const dump = field(b, 'dump');
  const viewState = field(b, 'viewState');
  if (typeof name !== 'string') return storeError('invalid', '"name" must be a string.');
  if (kind !== 'upload' && kind !== 'live') {
    return storeError('invalid', '"kind" must be "upload" or "live".');
  }
  if (source === null) return storeError('invalid', '"source" must be a string.');
  if (typeof dump !== 'string')
    return storeError('invalid', '"dump" must be the dump text (a string).');
  if (viewState === null)
    return storeError('invalid', '"viewState" must be a string (a URL query).');
  if (name.trim() === '') return storeError('invalid', 'The snapshot needs a name.');
  if (dump.trim() === '') return storeError('invalid', 'The dump is empty.');
  const valid = checkDumpText(dump);
  if (!valid.ok) return valid;
  return { ok: true, value: { name, kind, source: source ?? '', dump, viewState } };
}
