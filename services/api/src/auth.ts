import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Paths anyone may read: liveness, and the description of the API itself. */
export const OPEN_PATHS: ReadonlySet<string> = new Set(['/health', '/openapi.json']);

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The token a request presents: `Bearer <token>`, or Basic with the token as password (for browsers). */
function presentedToken(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return null;
}

/**
 * Every path but the open ones needs the token. Compared in constant time (both sides hashed to the same
 * length first); the token itself is never logged.
 */
export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    if (OPEN_PATHS.has(c.req.path)) {
      await next();
      return;
    }
    const presented = presentedToken(c.req.header('authorization'));
    if (presented !== null && timingSafeEqual(digest(presented), expected)) {
      await next();
      return;
    }
    c.header(
      'WWW-Authenticate',
      `Bearer realm="trialwatch"${presented === null ? '' : ', error="invalid_token"'}, Basic realm="trialwatch"`,
    );
    return c.json(
      {
        error: 'unauthorized',
        message: presented === null ? 'send Authorization: Bearer <token>' : 'the token is not valid',
      },
      401,
    );
  };
}
