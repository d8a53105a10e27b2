import { createHash } from 'node:crypto';
import { InvalidParameterError } from './invalid-parameter.error.js';

/** Parameters a later page may change; every other one must repeat the first page's value. */
const PAGING_PARAMETERS = new Set(['pageToken', 'pageSize', 'countTotal']);

/** A short hash of the search parameters (order-insensitive), bound into every page token. */
export function queryFingerprint(params: URLSearchParams): string {
  const canonical = [...params]
    .filter(([name]) => !PAGING_PARAMETERS.has(name))
    .map(([name, value]) => `${name}=${value}`)
    .sort()
    .join('&');
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

/** An opaque token: base64url of "offset.fingerprint". */
export function encodePageToken(offset: number, fingerprint: string): string {
  return Buffer.from(`${offset}.${fingerprint}`, 'utf8').toString('base64url');
}

/** The offset a token stands for; a malformed token or one from other parameters is a 400. */
export function decodePageToken(token: string, fingerprint: string): number {
  const decoded = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const match = /^(\d{1,9})\.([A-Za-z0-9_-]{12})$/.exec(decoded);
  if (!match) throw new InvalidParameterError(`Invalid pageToken: ${token}`);
  if (match[2] !== fingerprint) {
    throw new InvalidParameterError('pageToken does not match the query parameters of the first page');
  }
  return Number(match[1]);
}
