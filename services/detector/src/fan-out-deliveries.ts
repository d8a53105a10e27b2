import type { PipelineContext } from '@trialwatch/pipeline';
import type { EventDoc, SubscriptionDoc } from '@trialwatch/store';

/** Does this subscription want this event? (cohort null = every cohort; no types = every type.) */
export function subscriptionMatches(
  subscription: SubscriptionDoc,
  event: Pick<EventDoc, 'type' | 'cohorts'>,
): boolean {
  if (!subscription.enabled) return false;
  if (subscription.cohort && !event.cohorts.includes(subscription.cohort)) return false;
  return subscription.eventTypes.length === 0 || subscription.eventTypes.includes(event.type);
}

/**
 * One delivery job per (event, subscription) for immediate channels; digest subscriptions collect their
 * events at the end of the day instead. Job ids are deterministic, and deliveries are recorded per pair,
 * so fanning out twice delivers once.
 */
export async function fanOutDeliveries(
  context: PipelineContext,
  events: readonly EventDoc[],
): Promise<number> {
  if (events.length === 0) return 0;
  const subscriptions = (await context.store.subscriptions.list()).filter((s) => s.channel !== 'digest');
  const jobs = events.flatMap((event) =>
    subscriptions
      .filter((subscription) => subscriptionMatches(subscription, event))
      .map((subscription) => ({ eventId: event._id, subscriptionId: subscription._id })),
  );
  await context.queues.enqueueMany('deliver', jobs);
  return jobs.length;
}
