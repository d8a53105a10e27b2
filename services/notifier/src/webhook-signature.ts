import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;

export interface SignWebhookInput {
  secret: string;
  /** Unix seconds, as sent in `X-TrialWatch-Timestamp`. */
  timestamp: number | string;
  /** The raw body, byte for byte as sent. */
  body: string | Buffer;
}

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`: the `X-TrialWatch-Signature` header. */
export function signWebhook({ secret, timestamp, body }: SignWebhookInput): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${String(timestamp)}.`);
  hmac.update(body);
  return `sha256=${hmac.digest('hex')}`;
}

export interface VerifyWebhookInput extends SignWebhookInput {
  /** The `X-TrialWatch-Signature` header as received. */
  signature: string | undefined;
  /** How far the timestamp may be from `now` (either way), in seconds: older requests are replays. */
  toleranceSeconds?: number;
  now: Date;
}

/**
 * For receivers: true when the signature is the one `signWebhook` gives for this secret, timestamp and raw
 * body (constant-time compare) and the timestamp is within `toleranceSeconds` of `now`, so a captured
 * request replayed later is rejected.
 */
export function verifyWebhookSignature({
  secret,
  timestamp,
  body,
  signature,
  toleranceSeconds = 300,
  now,
}: VerifyWebhookInput): boolean {
  const stamp = String(timestamp);
  if (!TIMESTAMP.test(stamp) || signature === undefined) return false;
  if (Math.abs(now.getTime() / 1000 - Number(stamp)) > toleranceSeconds) return false;
  const received = SIGNATURE.exec(signature)?.[1];
  if (received === undefined) return false;
  const expected = signWebhook({ secret, timestamp: stamp, body }).slice('sha256='.length);
  return timingSafeEqual(Buffer.from(received, 'hex'), Buffer.from(expected, 'hex'));
}
