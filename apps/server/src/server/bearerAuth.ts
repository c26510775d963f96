import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendApiError } from './apiError';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** True when the `Authorization` header carries exactly `Bearer <token>` (constant-time compare). */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  if (header === undefined) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (m === null || m[1] === undefined) return false;
  // Hash both sides so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(digest(m[1]), digest(token));
}

/** Rejects every request without the bearer token with a JSON 401. */
export function bearerAuth(token: string): RequestHandler {
  return (req, res, next) => {
    if (hasBearerToken(req.get('authorization'), token)) {
      next();
      return;
    }
    res.setHeader('WWW-Authenticate', 'Bearer realm="meshlens"');
    sendApiError(
      res,
      'unauthorized',
      'Missing or wrong token: send "Authorization: Bearer <token>".',
    );
  };
}
