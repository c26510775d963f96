import type { ApiErrorResponse } from '@meshlens/contract';
import type { Response } from 'express';

const statusOf: Record<ApiErrorResponse['error']['code'], number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  payload_too_large: 413,
  internal: 500,
};

/** Sends a typed JSON error body (never an HTML page or a stack trace). */
export function sendApiError(
  res: Response,
  code: ApiErrorResponse['error']['code'],
  message: string,
): void {
  const body: ApiErrorResponse = { error: { code, message } };
  res.status(statusOf[code]).json(body);
}
