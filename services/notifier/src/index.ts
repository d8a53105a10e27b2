// What other packages use of the notifier: its processors, boot-time schedules, the CLI's alert commands,
// and the signature check a webhook receiver runs (documented in the README for receivers).
export { notifierProcessors } from './processors.js';
export { handleSendDigest } from './send-digest.handler.js';
export { ReceiverUnreachableError } from './send-message.js';
export { type MessageTarget } from './compose-message.js';
export { verifyWebhookSignature } from './webhook-signature.js';
export { type WebhookDigestBody } from './webhook.channel.js';
export { type SlackMessage } from './slack.channel.js';
export { redactWebhookUrl } from './redact-webhook-url.js';
export { previousUtcDay } from './digest-day.js';
export {
  DEFAULT_DIGEST_CRON,
  listDigestSchedules,
  reconcileDigestSchedules,
  reconcileDigestSchedulesAtBoot,
} from './digest-schedules.js';
export { sendSample } from './send-sample.js';
