import type { JsonValue } from '@meshlens/configdump';
import type { MatchOutcome } from './matchString';
import { rawObj, rawStr } from './rawFields';
import { re2FullMatch } from './re2';

function escapeRe2(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

// One template operator: `*` one segment, `**` any number of segments (incl. zero);
// `{name}` / `{name=*}` one segment, `{name=**}` the rest, `{name=a/*}` a multi-segment pattern.
function operatorToRe2(op: string): string {
  if (op === '**') return '.*';
  if (op === '*') return '[^/]+';
  return op
    .split('/')
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]+' : escapeRe2(part)))
    .join('/');
}

/** Converts an Envoy `UriTemplateMatchConfig.path_template` into an anchored RE2 pattern. */
export function uriTemplateToRe2(template: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '{') {
      const close = template.indexOf('}', i);
      if (close < 0) return escapeRe2(template.slice(i));
      const body = template.slice(i + 1, close);
      const eq = body.indexOf('=');
      out += `(${operatorToRe2(eq < 0 ? '*' : body.slice(eq + 1))})`;
      i = close + 1;
    } else if (ch === '*') {
      const double = template[i + 1] === '*';
      out += double ? '.*' : '[^/]+';
      i += double ? 2 : 1;
    } else {
      out += escapeRe2(ch ?? '');
      i++;
    }
  }
  return out;
}

/** `path_match_policy` with the `uri_template` matcher; other extensions are reported as unknown. */
export function matchUriTemplate(policy: JsonValue, path: string): MatchOutcome {
  const template = rawStr(rawObj(policy, 'typed_config'), 'path_template');
  if (template === undefined) {
    return {
      matched: false,
      reason:
        'path_match_policy is not the uri_template matcher; the trace cannot evaluate it (assumed not to match)',
    };
  }
  const r = re2FullMatch(uriTemplateToRe2(template), path);
  if (!r.ok)
    return {
      matched: false,
      reason: `uri template ${JSON.stringify(template)} could not be compiled (${r.error})`,
    };
  return {
    matched: r.matched,
    reason: `path ${JSON.stringify(path)} ${r.matched ? 'matches' : 'does not match'} uri template ${JSON.stringify(template)}`,
  };
}
