import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'whsec-test-secret';
const body = JSON.stringify({
  id: 'NCT00000001:status_changed:-:a>b|sub_1',
  event: { type: 'status_changed' },
});
const timestamp = 1_800_000_000;
const at = (seconds: number) => new Date(seconds * 1000);

describe('signWebhook', () => {
  it('is sha256= and the hex HMAC-SHA256 of "<timestamp>.<body>" under the secret', () => {
    const expected = createHmac('sha256', secret)
      .update(`${String(timestamp)}.${body}`)
      .digest('hex');
    expect(signWebhook({ secret, timestamp, body })).toBe(`sha256=${expected}`);
  });

  it('signs bytes and strings alike, and the timestamp as a number or its header string', () => {
    expect(signWebhook({ secret, timestamp: String(timestamp), body: Buffer.from(body) })).toBe(
      signWebhook({ secret, timestamp, body }),
    );
  });
});

describe('verifyWebhookSignature', () => {
  const signature = signWebhook({ secret, timestamp, body });

  it('accepts the signature of the exact body within the tolerance, either side of now', () => {
    expect(verifyWebhookSignature({ secret, timestamp, body, signature, now: at(timestamp + 299) })).toBe(
      true,
    );
    expect(verifyWebhookSignature({ secret, timestamp, body, signature, now: at(timestamp - 299) })).toBe(
      true,
    );
  });

  it('rejects a stale timestamp (a replay) and honours a custom tolerance', () => {
    expect(verifyWebhookSignature({ secret, timestamp, body, signature, now: at(timestamp + 301) })).toBe(
      false,
    );
    expect(
      verifyWebhookSignature({
        secret,
        timestamp,
        body,
        signature,
        toleranceSeconds: 10,
        now: at(timestamp + 11),
      }),
    ).toBe(false);
  });

  it('rejects another secret, an edited body, a moved timestamp and malformed headers', () => {
    const now = at(timestamp);
    expect(verifyWebhookSignature({ secret: 'other', timestamp, body, signature, now })).toBe(false);
    expect(
      verifyWebhookSignature({ secret, timestamp, body: body.replace('status', 'Status'), signature, now }),
    ).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: timestamp + 1, body, signature, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp, body, signature: undefined, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp, body, signature: signature.slice(7), now })).toBe(
      false,
    );
    expect(verifyWebhookSignature({ secret, timestamp, body, signature: `${signature}00`, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: 'soon', body, signature, now })).toBe(false);
  });
});
