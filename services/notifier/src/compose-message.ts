import { DeliveriesRepository, type EventView, type SubscriptionDoc } from '@trialwatch/store';
import type { OutgoingMessage } from './send-message.js';
import { slackDigestMessage, slackEventMessage, slackRequest } from './slack.channel.js';
import { eventWebhook, signedWebhook } from './webhook.channel.js';

export type MessageTarget = Pick<SubscriptionDoc, '_id' | 'channel' | 'url' | 'secret' | 'digestFormat'>;

/** One event for a webhook or Slack subscription (a digest subscription gets a one-event digest). */
export function eventMessage(
  target: MessageTarget,
  deliveryId: string,
  view: EventView,
  now: Date,
): OutgoingMessage {
  switch (target.channel) {
    case 'slack':
      return slackRequest(target.url, slackEventMessage(view));
    case 'webhook':
      return eventWebhook({
        url: target.url,
        secret: target.secret,
        deliveryId,
        subscriptionId: target._id,
        event: view,
        now,
      });
    case 'digest':
      return digestMessage(target, view.detectedAt.slice(0, 10), [view], now, deliveryId);
  }
}

/** A day's digest in the subscription's format: a signed webhook (default) or a Slack message. */
export function digestMessage(
  target: MessageTarget,
  day: string,
  views: readonly EventView[],
  now: Date,
  deliveryId = DeliveriesRepository.digestKey(target._id, day),
): OutgoingMessage {
  if (target.digestFormat === 'slack') return slackRequest(target.url, slackDigestMessage(day, views));
  return signedWebhook({
    url: target.url,
    secret: target.secret,
    eventType: 'digest',
    deliveryId,
    body: { id: deliveryId, subscription: target._id, day, events: [...views] },
    now,
  });
}
