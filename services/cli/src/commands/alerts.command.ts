import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { EVENT_TYPES } from '@trialwatch/domain';
import {
  reconcileDigestSchedules,
  redactWebhookUrl,
  ReceiverUnreachableError,
  sendSample,
  type MessageTarget,
} from '@trialwatch/notifier';
import { ensureDefaultCohorts } from '@trialwatch/scheduler';
import type { SubscriptionDoc } from '@trialwatch/store';
import { CliFailure, UsageError } from '../cli-error.js';
import { cliConfig, cliLogger, connectPipeline, withStore, type CliConfig } from '../runtime.js';
import {
  subscriptionFromOptions,
  subscriptionView,
  testTarget,
  type SubscribeOptions,
  type TestOptions,
} from './alerts-options.js';

export function registerAlertsCommand(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('Alert subscriptions: signed webhooks, Slack messages, daily digests.');

  alerts
    .command('subscribe')
    .description('Add a subscription; a generated secret is printed once.')
    .option('--channel <channel>', 'webhook, slack or digest')
    .option('--url <url>', 'where messages are POSTed (a Slack incoming-webhook URL for slack)')
    .option('--secret <secret>', 'HMAC-SHA256 key of X-TrialWatch-Signature (generated when absent)')
    .option('--cohort <name>', 'only events of trials in this cohort (default: every cohort)')
    .option('--type <type...>', `only these event types (${EVENT_TYPES.join(', ')}; default: all)`)
    .option('--digest-format <format>', 'digest only: webhook (signed JSON, default) or slack')
    .option(
      '--digest-cron <pattern>',
      'digest only: when the previous day is sent (cron, UTC; default "0 7 * * *")',
    )
    .action(async (options: SubscribeOptions) => {
      const generatedSecret = options.secret === undefined;
      const subscription = subscriptionFromOptions(options, {
        id: `sub_${randomBytes(5).toString('hex')}`,
        secret: randomBytes(32).toString('base64url'),
        now: new Date(),
      });
      const config = cliConfig();
      await withStore(config, async (store) => {
        if (subscription.cohort !== null) {
          await ensureDefaultCohorts({ store });
          if (!(await store.cohorts.get(subscription.cohort)))
            throw new UsageError(`unknown --cohort: ${subscription.cohort}`);
        }
        await store.subscriptions.upsert(subscription);
      });
      process.stdout.write(`subscription ${subscription._id}: ${describeSubscription(subscription)}\n`);
      const signs =
        subscription.channel === 'webhook' ||
        (subscription.channel === 'digest' && subscription.digestFormat === 'webhook');
      if (generatedSecret && signs) {
        process.stdout.write(
          `secret: ${subscription.secret}\n(shown once: receivers verify X-TrialWatch-Signature with it)\n`,
        );
      }
      if (subscription.channel === 'digest') await reconcileDigests(config);
    });

  alerts
    .command('list')
    .description('List subscriptions (URLs redacted, secrets masked).')
    .option('--json', 'one JSON object per line')
    .action(async (options: { json?: boolean }) => {
      await withStore(cliConfig(), async (store) => {
        const subscriptions = await store.subscriptions.list();
        for (const subscription of subscriptions) {
          const view = subscriptionView(subscription);
          process.stdout.write(
            options.json
              ? `${JSON.stringify(view)}\n`
              : `${view.id}  ${describeSubscription(subscription)}  secret ${view.secret}${view.enabled ? '' : '  (disabled)'}\n`,
          );
        }
        if (!options.json) process.stdout.write(`${String(subscriptions.length)} subscription(s)\n`);
      });
    });

  alerts
    .command('remove')
    .argument('<id>', 'subscription id (see alerts list)')
    .description('Remove a subscription (pending deliveries to it are skipped).')
    .action(async (id: string) => {
      const config = cliConfig();
      const removed = await withStore(config, async (store) => {
        const subscription = await store.subscriptions.get(id);
        if (!subscription) return null;
        await store.subscriptions.remove(id);
        return subscription;
      });
      if (!removed) throw new CliFailure(`no subscription ${id}`);
      process.stdout.write(`removed ${id}\n`);
      if (removed.channel === 'digest') await reconcileDigests(config);
    });

  alerts
    .command('test')
    .description('Send a sample signed event now and print the HTTP status (exit 1 when it is not accepted).')
    .option('--subscription <id>', 'a stored subscription')
    .option('--url <url>', 'or an ad-hoc receiver')
    .option('--secret <secret>', 'the ad-hoc webhook secret')
    .option('--channel <channel>', 'the ad-hoc channel: webhook (default) or slack')
    .action(async (options: TestOptions) => {
      const where = testTarget(options);
      const config = cliConfig();
      const target: MessageTarget =
        'target' in where
          ? where.target
          : await withStore(config, async (store) => {
              const subscription = await store.subscriptions.get(where.subscriptionId);
              if (!subscription) throw new CliFailure(`no subscription ${where.subscriptionId}`);
              return subscription;
            });
      let result: Awaited<ReturnType<typeof sendSample>>;
      try {
        result = await sendSample(target, { now: new Date(), timeoutMs: config.NOTIFY_TIMEOUT_MS });
      } catch (error) {
        if (error instanceof ReceiverUnreachableError) throw new CliFailure(error.message);
        throw error;
      }
      process.stdout.write(
        `HTTP ${String(result.status)} from ${redactWebhookUrl(target.url)} (delivery ${result.deliveryId})\n`,
      );
      if (result.verdict !== 'delivered') {
        throw new CliFailure(`the receiver did not accept the sample (HTTP ${String(result.status)})`);
      }
    });
}

function describeSubscription(subscription: SubscriptionDoc): string {
  const view = subscriptionView(subscription);
  const channel =
    'digestFormat' in view ? `digest (${view.digestFormat}, cron "${view.digestCron}" UTC)` : view.channel;
  const cohort = subscription.cohort ?? 'every cohort';
  const types = subscription.eventTypes.length > 0 ? subscription.eventTypes.join(',') : 'every event type';
  return `${channel} → ${view.url}  ${cohort}; ${types}`;
}

/** Digest schedules live in Redis: set them now if it answers, else the next notifier worker boot does. */
async function reconcileDigests(config: CliConfig): Promise<void> {
  const logger = cliLogger(config, 'alerts');
  let pipeline: Awaited<ReturnType<typeof connectPipeline>>;
  try {
    pipeline = await connectPipeline(config, logger);
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    process.stderr.write(
      `note: digest schedules not updated (${error.message}); a notifier worker sets them when it starts\n`,
    );
    return;
  }
  try {
    const schedules = await reconcileDigestSchedules(pipeline.context);
    process.stdout.write(`digest schedules: ${String(schedules.length)}\n`);
  } finally {
    await pipeline.close();
  }
}
