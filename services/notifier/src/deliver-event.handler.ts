import type { PipelineContext } from '@trialwatch/pipeline';
import { PermanentJobError, type DeliverEventPayload, type JobContext } from '@trialwatch/queues';
import { DeliveriesRepository, toEventView } from '@trialwatch/store';
import { eventMessage } from './compose-message.js';
import { deliverMessage } from './deliver-message.js';

export type DeliverOutcome =
  | { outcome: 'delivered'; status: number }
  | { outcome: 'already_delivered' }
  | { outcome: 'skipped'; reason: 'no_subscription' | 'disabled' | 'digest' };

/**
 * Deliver one event to one subscription, once: a pair already recorded as delivered is skipped (the
 * detector may fan out twice, BullMQ delivers at least once); otherwise POST and record the outcome.
 */
export async function handleDeliverEvent(
  context: PipelineContext,
  payload: DeliverEventPayload,
  job: Pick<JobContext, 'attempt' | 'maxAttempts'>,
): Promise<DeliverOutcome> {
  const { store } = context;
  const subscription = await store.subscriptions.get(payload.subscriptionId);
  if (!subscription) return { outcome: 'skipped', reason: 'no_subscription' };
  if (!subscription.enabled) return { outcome: 'skipped', reason: 'disabled' };
  // Digest subscriptions get the day's events in one message (send-digest), never one by one.
  if (subscription.channel === 'digest') return { outcome: 'skipped', reason: 'digest' };
  const previous = await store.deliveries.get(payload.eventId, payload.subscriptionId);
  if (previous?.status === 'delivered') return { outcome: 'already_delivered' };
  const event = await store.events.get(payload.eventId);
  if (!event) throw new PermanentJobError(`event ${payload.eventId} does not exist`, 'event_not_found');

  const deliveryId = DeliveriesRepository.key(payload.eventId, payload.subscriptionId);
  const message = eventMessage(subscription, deliveryId, toEventView(event), context.now());
  const { status } = await deliverMessage(context, message, job, previous?.attempts ?? 0, (state) =>
    store.deliveries.record({ eventId: payload.eventId, subscriptionId: payload.subscriptionId, ...state }),
  );
  return { outcome: 'delivered', status };
}
