import type { MeshSourceErrorBody } from '@meshlens/contract';
import { ApiRequestError } from '../demo/apiClient';

/** A source failure as a person reads it: what failed, where (URL or file, line:column), how to fix it. */
export function SourceErrorText(props: { error: MeshSourceErrorBody }): React.JSX.Element {
  const e = props.error;
  const where = e.url
    ? `${e.url}${e.line !== undefined ? `:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : ''}`
    : undefined;
  return (
    <span className="source-error" data-kind={e.kind}>
      {where && <code className="source-error__url">{where}</code>}{' '}
      <span className="source-error__message">
        {e.message}
        {e.status !== undefined ? ` (HTTP ${e.status})` : ''}.
      </span>{' '}
      <span className="source-error__advice">{e.advice}</span>
    </span>
  );
}

/** Any error of a mesh API call: the source failure when the server reported one, else its message. */
export function ApiErrorText(props: { error: unknown }): React.JSX.Element {
  const err = props.error;
  if (err instanceof ApiRequestError && err.source) return <SourceErrorText error={err.source} />;
  return <span>{err instanceof Error ? err.message : String(err)}</span>;
}
