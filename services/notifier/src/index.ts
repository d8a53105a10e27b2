export { notifierProcessors } from './processors.js';
export { handleDeliverEvent, type DeliverOutcome } from './deliver-event.handler.js';
export { DigestBusyError, eventsOfDay, handleSendDigest, type DigestOutcome } from './send-digest.handler.js';
export { deliverMessage, ReceiverUnavailableError, type DeliveryState } from './deliver-message.js';
export { digestMessage, eventMessage, type MessageTarget } from './compose-message.js';
export {
  receiverVerdict,
  ReceiverUnreachableError,
  sendMessage,
  type OutgoingMessage,
  type ReceiverVerdict,
} from './send-message.js';
export {
  signWebhook,
  verifyWebhookSignature,
  type SignWebhookInput,
  type VerifyWebhookInput,
} from './webhook-signature.js';
export {
  eventWebhook,
  signedWebhook,
  type SignedWebhookInput,
  type WebhookDigestBody,
  type WebhookEventBody,
} from './webhook.channel.js';
export {
  escapeMrkdwn,
  slackDigestMessage,
  slackEventMessage,
  slackRequest,
  type SlackBlock,
  type SlackMessage,
} from './slack.channel.js';
export { redactWebhookUrl } from './redact-webhook-url.js';
export { previousUtcDay, utcDayBounds } from './digest-day.js';
export {
  DEFAULT_DIGEST_CRON,
  listDigestSchedules,
  reconcileDigestSchedules,
  reconcileDigestSchedulesAtBoot,
  type DigestScheduleState,
} from './digest-schedules.js';
export { sampleEventView, sendSample } from './send-sample.js';
