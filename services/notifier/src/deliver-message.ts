import type { PipelineContext } from '@trialwatch/pipeline';
import { PermanentJobError, type JobContext } from '@trialwatch/queues';
import type { DeliveryDoc } from '@trialwatch/store';
import { redactWebhookUrl } from './redact-webhook-url.js';
import {
  receiverVerdict,
  ReceiverUnreachableError,
  sendMessage,
  type OutgoingMessage,
} from './send-message.js';

/** The receiver answered, but not yet with a 2xx: 408, 429 or 5xx. Retried with the stage's backoff. */
export class ReceiverUnavailableError extends Error {
  override readonly name = 'ReceiverUnavailableError';
  readonly retryable = true;
  readonly kind = 'receiver_unavailable';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export type DeliveryState = Omit<DeliveryDoc, '_id' | 'eventId' | 'subscriptionId'>;

/**
 * POST one message and record what happened, through `record` (the caller's delivery document):
 * 2xx → delivered; 408/429/5xx or no answer → pending and a retryable error (failed on the job's last
 * attempt, which the stage worker then dead-letters); any other answer → failed and a PermanentJobError
 * (dead letter at once, no retry).
 */
export async function deliverMessage(
  context: Pick<PipelineContext, 'settings' | 'now'>,
  message: OutgoingMessage,
  job: Pick<JobContext, 'attempt' | 'maxAttempts'>,
  previousAttempts: number,
  record: (state: DeliveryState) => Promise<void>,
): Promise<{ status: number }> {
  const attempts = previousAttempts + 1;
  const lastAttempt = job.attempt >= job.maxAttempts;
  const failure = async (status: 'failed' | 'pending', lastError: string) => {
    await record({ status, attempts, lastError, deliveredAt: null, updatedAt: context.now() });
  };
  let status: number;
  try {
    ({ status } = await sendMessage(message, context.settings.notifyTimeoutMs));
  } catch (error) {
    if (error instanceof ReceiverUnreachableError)
      await failure(lastAttempt ? 'failed' : 'pending', error.message);
    throw error;
  }
  const verdict = receiverVerdict(status);
  if (verdict === 'delivered') {
    const now = context.now();
    await record({ status: 'delivered', attempts, lastError: null, deliveredAt: now, updatedAt: now });
    return { status };
  }
  const reason = `${redactWebhookUrl(message.url)} answered HTTP ${String(status)}`;
  if (verdict === 'rejected') {
    await failure('failed', reason);
    throw new PermanentJobError(reason, 'receiver_rejected');
  }
  await failure(lastAttempt ? 'failed' : 'pending', reason);
  throw new ReceiverUnavailableError(reason, status);
}
