import { DEFAULT_DIGEST_CRON, redactWebhookUrl, type MessageTarget } from '@trialwatch/notifier';
import { isCronPattern } from '@trialwatch/queues';
import type { SubscriptionDoc } from '@trialwatch/store';
import { UsageError } from '../cli-error.js';
import { parseEventTypes } from './parse-event-types.js';

const CHANNELS = ['webhook', 'slack', 'digest'] as const;
const DIGEST_FORMATS = ['webhook', 'slack'] as const;

export interface SubscribeOptions {
  channel?: string;
  url?: string;
  secret?: string;
  cohort?: string;
  type?: string[];
  digestFormat?: string;
  digestCron?: string;
}

export interface TestOptions {
  subscription?: string;
  url?: string;
  secret?: string;
  channel?: string;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`invalid ${name}: ${value} (one of ${allowed.join(', ')})`);
  return value as T;
}

/** http(s) only; the message names the URL redacted (a Slack URL is a secret). */
export function parseReceiverUrl(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--url is required');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError('invalid --url: not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`invalid --url: ${redactWebhookUrl(value)} (http or https only)`);
  }
  return url.toString();
}

/** The subscription `alerts subscribe` stores (cohort existence is checked against the database later). */
export function subscriptionFromOptions(
  options: SubscribeOptions,
  generated: { id: string; secret: string; now: Date },
): SubscriptionDoc {
  if (options.channel === undefined) throw new UsageError(`--channel is required (${CHANNELS.join(', ')})`);
  const channel = oneOf(options.channel, CHANNELS, '--channel');
  const url = parseReceiverUrl(options.url);
  if (channel !== 'digest' && (options.digestFormat !== undefined || options.digestCron !== undefined)) {
    throw new UsageError('--digest-format and --digest-cron go with --channel digest');
  }
  if (options.secret?.length === 0) throw new UsageError('invalid --secret: empty');
  if (options.cohort !== undefined && !/^[A-Za-z0-9_-]+$/.test(options.cohort)) {
    throw new UsageError(`invalid --cohort: ${options.cohort}`);
  }
  const digest =
    channel === 'digest'
      ? {
          digestFormat: oneOf(options.digestFormat ?? 'webhook', DIGEST_FORMATS, '--digest-format'),
          digestCron: parseCron(options.digestCron ?? DEFAULT_DIGEST_CRON),
        }
      : {};
  return {
    _id: generated.id,
    cohort: options.cohort ?? null,
    eventTypes: parseEventTypes(options.type),
    channel,
    url,
    secret: options.secret ?? generated.secret,
    enabled: true,
    createdAt: generated.now,
    ...digest,
  };
}

function parseCron(pattern: string): string {
  if (!isCronPattern(pattern))
    throw new UsageError(`invalid --digest-cron: ${pattern} (a cron pattern, e.g. "0 7 * * *", UTC)`);
  return pattern.trim();
}

/** Where `alerts test` sends its sample: a stored subscription, or an ad-hoc webhook/Slack URL. */
export function testTarget(options: TestOptions): { subscriptionId: string } | { target: MessageTarget } {
  if (options.subscription !== undefined) {
    if (options.url !== undefined || options.secret !== undefined || options.channel !== undefined) {
      throw new UsageError(
        'use either --subscription ID or --url URL [--secret S] [--channel webhook|slack]',
      );
    }
    return { subscriptionId: options.subscription };
  }
  if (options.url === undefined) throw new UsageError('--subscription ID or --url URL is required');
  const channel = oneOf(options.channel ?? 'webhook', DIGEST_FORMATS, '--channel');
  const url = parseReceiverUrl(options.url);
  if (channel === 'webhook' && !options.secret)
    throw new UsageError('--secret is required to sign a webhook');
  return { target: { _id: 'adhoc', channel, url, secret: options.secret ?? '' } };
}

/** A subscription as `alerts list` shows it: the URL redacted and the secret masked. */
export function subscriptionView(subscription: SubscriptionDoc) {
  return {
    id: subscription._id,
    channel: subscription.channel,
    ...(subscription.channel === 'digest'
      ? {
          digestFormat: subscription.digestFormat ?? 'webhook',
          digestCron: subscription.digestCron ?? DEFAULT_DIGEST_CRON,
        }
      : {}),
    url: redactWebhookUrl(subscription.url),
    secret: maskSecret(subscription.secret),
    cohort: subscription.cohort,
    eventTypes: subscription.eventTypes,
    enabled: subscription.enabled,
    createdAt: subscription.createdAt.toISOString(),
  };
}

/** Enough to tell secrets apart, not to use one: `••••` and the last four characters (none if short). */
export function maskSecret(secret: string): string {
  return secret.length >= 16 ? `••••${secret.slice(-4)}` : '••••';
}
