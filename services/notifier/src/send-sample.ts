import type { EventView } from '@trialwatch/store';
import { eventMessage, type MessageTarget } from './compose-message.js';
import { receiverVerdict, sendMessage, type ReceiverVerdict } from './send-message.js';

/** A made-up event (NCT00000000, run `sample`) that shows a receiver what alerts look like. */
export function sampleEventView(now: Date): EventView {
  return {
    id: 'NCT00000000:status_changed:-:sample>sample',
    nctId: 'NCT00000000',
    type: 'status_changed',
    from: 'NOT_YET_RECRUITING',
    to: 'RECRUITING',
    registryGenerated: false,
    detectedAt: now.toISOString(),
    runId: 'sample',
    lastUpdatePostDate: now.toISOString().slice(0, 10),
  };
}

/**
 * Send the sample event to a subscription (or an ad-hoc target) right away, signed like a real alert,
 * with a delivery id of its own (`test|subscription|ms`). Network failures throw ReceiverUnreachableError.
 */
export async function sendSample(
  target: MessageTarget,
  options: { now: Date; timeoutMs: number },
): Promise<{ deliveryId: string; status: number; verdict: ReceiverVerdict }> {
  const deliveryId = `test|${target._id}|${String(options.now.getTime())}`;
  const message = eventMessage(target, deliveryId, sampleEventView(options.now), options.now);
  const { status } = await sendMessage(message, options.timeoutMs);
  return { deliveryId, status, verdict: receiverVerdict(status) };
}
