import { randomBytes } from 'node:crypto';
import { EventType } from '@trialwatch/domain';
import type { PipelineContext } from '@trialwatch/pipeline';
import type { JobContext, SendDigestPayload } from '@trialwatch/queues';
import { toEventView, type EventView, type Store, type SubscriptionDoc } from '@trialwatch/store';
import { digestMessage } from './compose-message.js';
import { deliverMessage } from './deliver-message.js';
import { previousUtcDay, utcDayBounds } from './digest-day.js';

export type DigestOutcome =
  | { outcome: 'delivered'; day: string; events: number; status: number }
  | { outcome: 'already_delivered' | 'empty'; day: string }
  | { outcome: 'skipped'; reason: 'no_subscription' | 'disabled' | 'not_digest' };

/** Another run of the same digest holds its lock: try again later (by then it is delivered, or not). */
export class DigestBusyError extends Error {
  override readonly name = 'DigestBusyError';
  readonly retryable = true;
  readonly kind = 'digest_busy';
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * One message per digest subscription per day: the day's matching events (UTC day; a scheduled job,
 * which carries no day, reports the day before it runs). The delivery `digest|subscription|day` makes a
 * second run of the same day a no-op, and a Redis lock keeps two concurrent runs from both sending. A day
 * without events sends nothing.
 */
export async function handleSendDigest(
  context: PipelineContext,
  payload: SendDigestPayload,
  job: Pick<JobContext, 'attempt' | 'maxAttempts'>,
): Promise<DigestOutcome> {
  const { store, redis } = context;
  const day = payload.day ?? previousUtcDay(context.now());
  const subscription = await store.subscriptions.get(payload.subscriptionId);
  if (!subscription) return { outcome: 'skipped', reason: 'no_subscription' };
  if (!subscription.enabled) return { outcome: 'skipped', reason: 'disabled' };
  if (subscription.channel !== 'digest') return { outcome: 'skipped', reason: 'not_digest' };
  if ((await store.deliveries.getDigest(subscription._id, day))?.status === 'delivered') {
    return { outcome: 'already_delivered', day };
  }

  const lockKey = `${context.settings.prefix}:digest-lock:${subscription._id}:${day}`;
  const token = randomBytes(8).toString('hex');
  const lockMs = context.settings.notifyTimeoutMs + 30_000;
  if ((await redis.set(lockKey, token, 'PX', lockMs, 'NX')) !== 'OK') {
    throw new DigestBusyError(`the digest of ${subscription._id} for ${day} is being sent by another job`);
  }
  try {
    // Checked again under the lock: a concurrent run may have just delivered it.
    const previous = await store.deliveries.getDigest(subscription._id, day);
    if (previous?.status === 'delivered') return { outcome: 'already_delivered', day };
    const views = await eventsOfDay(store, subscription, day);
    if (views.length === 0) return { outcome: 'empty', day };
    const message = digestMessage(subscription, day, views, context.now());
    const { status } = await deliverMessage(context, message, job, previous?.attempts ?? 0, (state) =>
      store.deliveries.recordDigest(day, { subscriptionId: subscription._id, ...state }),
    );
    return { outcome: 'delivered', day, events: views.length, status };
  } finally {
    await redis.eval(RELEASE, 1, lockKey, token);
  }
}

/** The events detected on a UTC day that the subscription wants (its cohort and types), oldest first. */
export async function eventsOfDay(
  store: Store,
  subscription: SubscriptionDoc,
  day: string,
): Promise<EventView[]> {
  const { start, end } = utcDayBounds(day);
  const types = subscription.eventTypes.flatMap((type) => {
    const parsed = EventType.safeParse(type);
    return parsed.success ? [parsed.data] : [];
  });
  // A subscription whose types are all unknown wants nothing (no types at all means every type).
  if (subscription.eventTypes.length > 0 && types.length === 0) return [];
  const views: EventView[] = [];
  const cursor = store.events.find({
    since: start,
    types,
    ...(subscription.cohort ? { cohort: subscription.cohort } : {}),
  });
  for await (const event of cursor) {
    if (event.detectedAt >= end) break;
    views.push(toEventView(event));
  }
  return views;
}
