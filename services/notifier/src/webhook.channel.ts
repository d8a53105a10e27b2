import type { EventView } from '@trialwatch/store';
import type { OutgoingMessage } from './send-message.js';
import { signWebhook } from './webhook-signature.js';

/** The JSON body of one event's webhook. */
export interface WebhookEventBody {
  /** The delivery id (`eventId|subscriptionId`), also in `X-TrialWatch-Delivery`. */
  id: string;
  event: EventView;
  subscription: string;
}

/** The JSON body of a day's digest sent as a webhook. */
export interface WebhookDigestBody {
  /** `digest|subscriptionId|day`, also in `X-TrialWatch-Delivery`. */
  id: string;
  subscription: string;
  day: string;
  events: EventView[];
}

export interface SignedWebhookInput {
  url: string;
  secret: string;
  /** `X-TrialWatch-Event`: the event type, or `digest`. */
  eventType: string;
  deliveryId: string;
  body: WebhookEventBody | WebhookDigestBody;
  now: Date;
}

/**
 * A signed webhook: JSON body; `X-TrialWatch-Signature: sha256=<HMAC-SHA256(secret, "<timestamp>.<body>")>`
 * over the `X-TrialWatch-Timestamp` (unix seconds) and the exact body sent; `X-TrialWatch-Delivery` lets
 * the receiver drop a message it already has (delivery is at least once).
 */
export function signedWebhook({
  url,
  secret,
  eventType,
  deliveryId,
  body,
  now,
}: SignedWebhookInput): OutgoingMessage {
  const raw = JSON.stringify(body);
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    url,
    body: raw,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'TrialWatch-Notifier/0.1',
      'X-TrialWatch-Event': eventType,
      'X-TrialWatch-Delivery': deliveryId,
      'X-TrialWatch-Timestamp': String(timestamp),
      'X-TrialWatch-Signature': signWebhook({ secret, timestamp, body: raw }),
    },
  };
}

export function eventWebhook(input: {
  url: string;
  secret: string;
  deliveryId: string;
  subscriptionId: string;
  event: EventView;
  now: Date;
}): OutgoingMessage {
  return signedWebhook({
    url: input.url,
    secret: input.secret,
    eventType: input.event.type,
    deliveryId: input.deliveryId,
    body: { id: input.deliveryId, event: input.event, subscription: input.subscriptionId },
    now: input.now,
  });
}
