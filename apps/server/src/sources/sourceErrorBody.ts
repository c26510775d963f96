import type { MeshSourceErrorBody } from '@meshlens/contract';
import type { SourceError } from './SourceError';

/** A source failure as the mesh API reports it: only the fields that are set. */
export function sourceErrorBody(error: SourceError): MeshSourceErrorBody {
  const body: MeshSourceErrorBody = {
    kind: error.kind,
    message: error.message,
    advice: error.advice,
  };
  if (error.url !== undefined) body.url = error.url;
  if (error.status !== undefined) body.status = error.status;
  if (error.line !== undefined) body.line = error.line;
  if (error.column !== undefined) body.column = error.column;
  return body;
}
