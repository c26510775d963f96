import { useCallback, useRef } from 'react';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';

/** `load` that remembers each opened dump's source, and the lookup of that source. */
export interface DumpSources {
  load: (source: ParseSource) => Promise<OpenDump | undefined>;
  /** The source a dump was opened from (undefined for a dump opened before this hook). */
  sourceOf: (dumpId: number) => ParseSource | undefined;
}

/**
 * Keeps what each open dump was read from, for the redacted export: the model keeps only the
 * objects' raw JSON, not the whole document. Memory: a File or a server response Blob is a handle
 * (the browser keeps the bytes on disk or already holds them for the Blob), so nothing is copied;
 * only pasted text is kept as a string, which the page held anyway. The JSON is re-read from the
 * source when the user exports, and dropped right after. Entries of closed dumps are never read
 * again; they are small handles and go when the page does.
 */
export function useDumpSources(load: DumpSources['load']): DumpSources {
  const sources = useRef(new Map<number, ParseSource>());
  const remembering = useCallback(
    async (source: ParseSource) => {
      const opened = await load(source);
      if (opened) sources.current.set(opened.id, source);
      return opened;
    },
    [load],
  );
  const sourceOf = useCallback((id: number) => sources.current.get(id), []);
  return { load: remembering, sourceOf };
}
