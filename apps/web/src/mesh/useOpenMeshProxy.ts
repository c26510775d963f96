import type { MeshProxyInfo } from '@meshlens/contract';
import { useCallback, useState } from 'react';
import { getBlob } from '../demo/apiClient';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';
import { proxyPath } from './useMeshApi';

/** Per-proxy state of "open its live config dump". */
export interface OpenProxyState {
  /** Ids being fetched. */
  busy: ReadonlySet<string>;
  /** Why the last open of a proxy failed, by id. */
  errors: ReadonlyMap<string, unknown>;
  open: (p: MeshProxyInfo) => Promise<OpenDump | undefined>;
}

/**
 * Fetches a proxy's config dump from the mesh API and parses it in the worker like an upload.
 * A failure stays on that proxy's row; the other rows are unaffected.
 */
export function useOpenMeshProxy(
  base: string,
  load: (source: ParseSource) => Promise<OpenDump | undefined>,
): OpenProxyState {
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<ReadonlyMap<string, unknown>>(new Map());

  const open = useCallback(
    async (p: MeshProxyInfo): Promise<OpenDump | undefined> => {
      setBusy((s) => new Set(s).add(p.id));
      setErrors((m) => {
        const next = new Map(m);
        next.delete(p.id);
        return next;
      });
      try {
        const blob = await getBlob(proxyPath(base, p.id, 'config_dump'));
        return await load({ kind: 'blob', name: `${p.name}.json`, blob });
      } catch (err) {
        setErrors((m) => new Map(m).set(p.id, err));
        return undefined;
      } finally {
        setBusy((s) => {
          const next = new Set(s);
          next.delete(p.id);
          return next;
        });
      }
    },
    [base, load],
  );

  return { busy, errors, open };
}
