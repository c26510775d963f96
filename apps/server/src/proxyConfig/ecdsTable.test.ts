import type { ExtensionConfig } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { ecdsTable } from './ecdsTable';
import { formatTable } from './table';

const ext = (name: string, typeUrl?: string): ExtensionConfig => ({
  name,
  state: 'active',
  raw: null,
  ...(typeUrl ? { typeUrl } : {}),
});

describe('ecds table', () => {
  it('sorts by type (empty first) then name and strips type.googleapis.com/', () => {
    const wasm = 'type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm';
    expect(formatTable(ecdsTable([ext('z', wasm), ext('b'), ext('a', wasm), ext('a')]))).toBe(
      [
        'ECDS NAME     TYPE',
        'a             ',
        'b             ',
        'a             envoy.extensions.filters.http.wasm.v3.Wasm',
        'z             envoy.extensions.filters.http.wasm.v3.Wasm',
        '',
      ].join('\n'),
    );
  });
});
