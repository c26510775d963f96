import { pathWithoutQuery } from './matchRoute';
import { re2ReplaceAll } from './re2';

/** A path rewrite and what it did. */
export interface PathRewriteResult {
  path: string;
  explanation?: string;
}

/**
 * Envoy's `currentUrlPathAfterRewriteWithMatchedPath`: `prefix_rewrite` replaces the matched part
 * (the configured prefix / path, or the whole path for regex routes) and keeps the rest, query
 * included; `regex_rewrite` is an RE2 global replace over the path without its query.
 */
export function rewritePath(
  path: string,
  matchedPath: string | undefined,
  prefixRewrite: string | undefined,
  regexRewrite: { regex: string; substitution: string } | undefined,
): PathRewriteResult {
  if (prefixRewrite !== undefined && matchedPath !== undefined) {
    const out = prefixRewrite + path.slice(matchedPath.length);
    return {
      path: out,
      explanation: `prefix_rewrite ${JSON.stringify(prefixRewrite)} replaces the matched ${JSON.stringify(path.slice(0, matchedPath.length))}: ${path} -> ${out}`,
    };
  }
  if (regexRewrite) {
    const just = pathWithoutQuery(path);
    const r = re2ReplaceAll(regexRewrite.regex, just, regexRewrite.substitution);
    if (!r.ok)
      return {
        path,
        explanation: `regex_rewrite pattern is not valid RE2 (${r.error}); path unchanged`,
      };
    const out = r.value + path.slice(just.length);
    return {
      path: out,
      explanation: `regex_rewrite ${JSON.stringify(regexRewrite.regex)} -> ${JSON.stringify(regexRewrite.substitution)}: ${path} -> ${out}`,
    };
  }
  return { path };
}
