import type { ConfigDump, Listener } from '@meshlens/configdump';
import { formatAddress } from './formatAddress';

/**
 * The name a listener is drawn under: its name, or its address when it has none (Istio's
 * static Prometheus and health-check listeners are nameless, and there are several of them).
 */
export function listenerKey(listener: Listener): string {
  return listener.name !== '' ? listener.name : formatAddress(listener.address);
}

const byKeyCache = new WeakMap<ConfigDump, Map<string, Listener>>();

/**
 * Listeners by drawn name. A listener being updated is in the dump twice (active and warming);
 * the active one is kept, which is what traffic uses now.
 */
export function listenersByKey(dump: ConfigDump): Map<string, Listener> {
  let map = byKeyCache.get(dump);
  if (!map) {
    map = new Map();
    for (const l of dump.listeners) {
      const key = listenerKey(l);
      const seen = map.get(key);
      if (!seen || (seen.state !== 'active' && l.state === 'active')) map.set(key, l);
    }
    byKeyCache.set(dump, map);
  }
  return map;
}
