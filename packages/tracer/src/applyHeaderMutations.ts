import type { JsonValue } from '@meshlens/configdump';
import {
  addHeader,
  headerFirst,
  headerValues,
  removeHeader,
  setHeader,
  type HeaderList,
} from './headerList';
import { rawBool, rawObj, rawObjArr, rawStr, rawStrArr } from './rawFields';

/** Values the header formatter can substitute (`%DOWNSTREAM_REMOTE_ADDRESS%` and friends). */
export interface FormatterContext {
  downstreamRemoteIp?: string;
  downstreamLocalAddress?: string;
  /** Request headers for `%REQ(name)%`. */
  requestHeaders: HeaderList;
}

/** Header mutations of one level (route, virtual host, route configuration or weighted cluster). */
export interface HeaderMutations {
  /** Where the mutations come from, for explanations. */
  level: string;
  add: {
    key: string;
    value: string;
    action: 'append' | 'overwrite' | 'add_if_absent' | 'overwrite_if_exists';
    keepEmpty: boolean;
  }[];
  remove: string[];
}

/** Reads `<kind>_headers_to_add` / `<kind>_headers_to_remove` from a raw route, vhost, config or weighted cluster. */
export function readHeaderMutations(
  raw: JsonValue,
  kind: 'request' | 'response',
  level: string,
): HeaderMutations {
  const add: HeaderMutations['add'] = [];
  for (const o of rawObjArr(raw, `${kind}_headers_to_add`)) {
    const h = rawObj(o, 'header');
    const key = rawStr(h, 'key');
    if (key === undefined) continue;
    const appendAction = rawStr(o, 'append_action');
    const append = rawBool(o, 'append');
    let action: HeaderMutations['add'][number]['action'] = 'append';
    if (
      appendAction === 'OVERWRITE_IF_EXISTS_OR_ADD' ||
      (appendAction === undefined && append === false)
    )
      action = 'overwrite';
    else if (appendAction === 'ADD_IF_ABSENT') action = 'add_if_absent';
    else if (appendAction === 'OVERWRITE_IF_EXISTS') action = 'overwrite_if_exists';
    add.push({
      key: key.toLowerCase(),
      value: rawStr(h, 'value') ?? '',
      action,
      keepEmpty: rawBool(o, 'keep_empty_value') ?? false,
    });
  }
  return { level, add, remove: rawStrArr(raw, `${kind}_headers_to_remove`) };
}

/**
 * Expands Envoy's substitution format in a header value. Commands a static trace cannot know are
 * left as written and reported in `unknown`.
 */
export function formatHeaderValue(
  value: string,
  ctx: FormatterContext,
): { value: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = value.replace(
    /%%|%([A-Z_]+)(?:\(([^)]*)\))?%/g,
    (whole, cmd: string | undefined, arg: string | undefined) => {
      if (whole === '%%') return '%';
      const ip = ctx.downstreamRemoteIp;
      switch (cmd) {
        case 'DOWNSTREAM_REMOTE_ADDRESS':
        case 'DOWNSTREAM_DIRECT_REMOTE_ADDRESS':
          if (ip !== undefined) return `${ip}:0`;
          break;
        case 'DOWNSTREAM_REMOTE_ADDRESS_WITHOUT_PORT':
        case 'DOWNSTREAM_DIRECT_REMOTE_ADDRESS_WITHOUT_PORT':
          if (ip !== undefined) return ip;
          break;
        case 'DOWNSTREAM_LOCAL_ADDRESS':
          if (ctx.downstreamLocalAddress !== undefined) return ctx.downstreamLocalAddress;
          break;
        case 'DOWNSTREAM_LOCAL_ADDRESS_WITHOUT_PORT':
          if (ctx.downstreamLocalAddress !== undefined)
            return ctx.downstreamLocalAddress.replace(/:\d+$/, '');
          break;
        case 'REQ':
          if (arg !== undefined)
            return headerFirst(ctx.requestHeaders, arg.split('?')[0] ?? arg) ?? '';
          break;
        default:
          break;
      }
      unknown.push(whole);
      return whole;
    },
  );
  return { value: out, unknown };
}

/** Applies one level: removals first (Envoy's remove-before-add), then additions in order. */
export function applyHeaderMutations(
  headers: HeaderList,
  m: HeaderMutations,
  ctx: FormatterContext,
  notes: string[],
): HeaderList {
  let h = headers;
  for (const name of m.remove) {
    if (headerValues(h, name).length > 0) notes.push(`${m.level}: removed header "${name}"`);
    h = removeHeader(h, name);
  }
  for (const a of m.add) {
    const f = formatHeaderValue(a.value, { ...ctx, requestHeaders: ctx.requestHeaders });
    if (f.unknown.length > 0)
      notes.push(
        `${m.level}: header "${a.key}" uses ${f.unknown.join(', ')}, which a static trace cannot evaluate`,
      );
    if (f.value === '' && !a.keepEmpty) continue;
    const exists = headerValues(h, a.key).length > 0;
    if (a.action === 'append') h = addHeader(h, a.key, f.value);
    else if (a.action === 'overwrite') h = setHeader(h, a.key, f.value);
    else if (a.action === 'add_if_absent' && !exists) h = addHeader(h, a.key, f.value);
    else if (a.action === 'overwrite_if_exists' && exists) h = setHeader(h, a.key, f.value);
    else continue;
    notes.push(
      `${m.level}: ${a.action === 'append' ? 'added' : 'set'} header "${a.key}: ${f.value}"`,
    );
  }
  return h;
}
