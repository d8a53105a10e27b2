import { describe, expect, it } from 'vitest';
import { receiverVerdict } from './send-message.js';

describe('receiverVerdict', () => {
  it('treats every 2xx as delivered', () => {
    for (const status of [200, 201, 202, 204, 299]) expect(receiverVerdict(status)).toBe('delivered');
  });

  it('retries a busy or failing receiver: 408, 429 and 5xx', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(receiverVerdict(status)).toBe('retry');
  });

  it('gives up on other answers: 4xx and redirects', () => {
    for (const status of [400, 401, 403, 404, 410, 413, 422, 301, 302, 307])
      expect(receiverVerdict(status)).toBe('rejected');
  });
});
