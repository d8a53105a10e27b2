import { redactWebhookUrl } from './redact-webhook-url.js';

/** A message ready to POST: the body is the exact string that was signed. */
export interface OutgoingMessage {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What a receiver's answer means for the delivery. */
export type ReceiverVerdict = 'delivered' | 'retry' | 'rejected';

/**
 * 2xx: delivered. 408 and 429 (the receiver is busy) and 5xx: try again later. Any other answer (4xx, an
 * unexpected redirect) will not change by retrying: the receiver rejected the message.
 */
export function receiverVerdict(status: number): ReceiverVerdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/** No HTTP answer at all (connection refused, reset, DNS, or no answer within the timeout). */
export class ReceiverUnreachableError extends Error {
  override readonly name = 'ReceiverUnreachableError';
  readonly retryable = true;
  constructor(
    readonly kind: 'receiver_timeout' | 'receiver_unreachable',
    message: string,
  ) {
    super(message);
  }
}

/**
 * POST a message and return the receiver's HTTP status; redirects are not followed (a webhook that
 * redirects is misconfigured). Errors name the receiver by its redacted URL only.
 */
export async function sendMessage(message: OutgoingMessage, timeoutMs: number): Promise<{ status: number }> {
  let response: Response;
  try {
    response = await fetch(message.url, {
      method: 'POST',
      headers: message.headers,
      body: message.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const code = networkCode(error);
    throw new ReceiverUnreachableError(
      timedOut ? 'receiver_timeout' : 'receiver_unreachable',
      timedOut
        ? `${redactWebhookUrl(message.url)} did not answer within ${String(timeoutMs)} ms`
        : `${redactWebhookUrl(message.url)} is unreachable${code ? ` (${code})` : ''}`,
    );
  }
  // The answer's body is not used; release the connection.
  await response.body?.cancel().catch(() => undefined);
  return { status: response.status };
}

/** The system error code under fetch's TypeError (ECONNREFUSED...), never its message (it may hold the URL). */
function networkCode(error: unknown): string | null {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : null;
}
