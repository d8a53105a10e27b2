import { describeEvent, toEventView, type EventDoc } from '@trialwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  handleSendDigest,
  listDigestSchedules,
  previousUtcDay,
  reconcileDigestSchedules,
  type SlackMessage,
  type WebhookDigestBody,
} from '../services/notifier/src/index.js';
import type { SendDigestPayload } from '@trialwatch/queues';
import { sleep, startAlertScenario, subscription, type AlertScenario } from './support/alert-scenario.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const job = { attempt: 1, maxAttempts: 8 };

describe('Slack messages and daily digests', () => {
  let slack: WebhookReceiver;
  let digestWeb: WebhookReceiver;
  let digestSlack: WebhookReceiver;
  let scheduled: WebhookReceiver;
  let scenario: AlertScenario;
  let events: EventDoc[];
  let day: string;

  beforeAll(async () => {
    slack = await startWebhookReceiver();
    digestWeb = await startWebhookReceiver({ secret: 'sub_dweb-secret' });
    digestSlack = await startWebhookReceiver();
    scheduled = await startWebhookReceiver({ secret: 'sub_dsched-secret' });
    scenario = await startAlertScenario([
      subscription('sub_slack', { channel: 'slack', url: slack.url }),
      subscription('sub_dweb', { channel: 'digest', url: digestWeb.url, digestFormat: 'webhook' }),
      subscription('sub_dslack', { channel: 'digest', url: digestSlack.url, digestFormat: 'slack' }),
      subscription('sub_dnone', { channel: 'digest', url: digestSlack.url, eventTypes: ['results_posted'] }),
    ]);
    events = await scenario.load();
    day = events[0]?.detectedAt.toISOString().slice(0, 10) ?? '';
  });
  afterAll(async () => {
    await scenario.close();
    for (const receiver of [slack, digestWeb, digestSlack, scheduled]) await receiver.close();
  });

  it('a Slack subscription gets one {text, blocks} message per event, its text the event’s line', async () => {
    await slack.waitFor((requests) => requests.length >= events.length, 30_000);
    await sleep(500);
    const messages = slack.requests.map((request) => JSON.parse(request.body) as SlackMessage);
    expect(messages.map((message) => message.text).sort()).toEqual(
      events.map((event) => describeEvent(toEventView(event))).sort(),
    );
    for (const message of messages) {
      const nctId = message.text.slice(0, 11);
      expect(message.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
      expect(JSON.stringify(message.blocks[0])).toContain(
        `<https://clinicaltrials.gov/study/${nctId}|${nctId}>`,
      );
    }
    expect(slack.requests.every((request) => request.signature === undefined)).toBe(true);
  });

  it('digest subscriptions get nothing event by event', () => {
    expect(digestWeb.requests).toEqual([]);
    expect(digestSlack.requests).toEqual([]);
  });

  it('a webhook digest sends the day’s events in one signed message, once even when run again', async () => {
    await scenario.pipeline.context.queues.enqueue('digest', { subscriptionId: 'sub_dweb', day });
    await digestWeb.waitFor((requests) => requests.length >= 1, 15_000);
    const [request] = digestWeb.requests;
    expect(request?.signatureValid).toBe(true);
    expect(request?.eventType).toBe('digest');
    expect(request?.deliveryId).toBe(`digest|sub_dweb|${day}`);
    const body = JSON.parse(request?.body ?? '{}') as WebhookDigestBody;
    expect(body).toMatchObject({ id: `digest|sub_dweb|${day}`, subscription: 'sub_dweb', day });
    expect(body.events.map((view) => view.id).sort()).toEqual(events.map((event) => event._id).sort());

    // The job records the delivery after the receiver answered: wait for it before running the digest again.
    const deadline = Date.now() + 15_000;
    while (
      (await scenario.pipeline.context.store.deliveries.getDigest('sub_dweb', day))?.status !== 'delivered'
    ) {
      if (Date.now() > deadline) throw new Error('the digest delivery was not recorded');
      await sleep(50);
    }
    const again = await Promise.all(
      [1, 2].map(() => handleSendDigest(scenario.pipeline.context, { subscriptionId: 'sub_dweb', day }, job)),
    );
    expect(again).toEqual([
      { outcome: 'already_delivered', day },
      { outcome: 'already_delivered', day },
    ]);
    await sleep(300);
    expect(digestWeb.requests).toHaveLength(1);
  });

  it('two runs of a Slack digest at once send one message; a later queued run sends nothing', async () => {
    const context = scenario.pipeline.context;
    const outcomes = await Promise.allSettled(
      [1, 2].map(() => handleSendDigest(context, { subscriptionId: 'sub_dslack', day }, job)),
    );
    const delivered = outcomes.filter(
      (outcome) => outcome.status === 'fulfilled' && outcome.value.outcome === 'delivered',
    );
    expect(delivered).toHaveLength(1);
    await context.queues.enqueue('digest', { subscriptionId: 'sub_dslack', day });
    const queue = context.queues.queue('digest');
    const deadline = Date.now() + 15_000;
    while (
      !(await queue.getJobs(['completed'])).some(
        (done) => (done.data as SendDigestPayload).subscriptionId === 'sub_dslack',
      )
    ) {
      if (Date.now() > deadline) throw new Error('queued digest did not run');
      await sleep(100);
    }
    expect(digestSlack.requests).toHaveLength(1);
    const message = JSON.parse(digestSlack.requests[0]?.body ?? '{}') as SlackMessage;
    expect(message.text).toBe(`TrialWatch digest for ${day}: ${String(events.length)} changes`);
    const lines = message.blocks.flatMap((block) =>
      block.type === 'section' ? block.text.text.split('\n') : [],
    );
    expect(lines).toHaveLength(events.length);
  });

  it('a digest whose subscription wants none of the day’s events sends nothing', async () => {
    expect(
      await handleSendDigest(scenario.pipeline.context, { subscriptionId: 'sub_dnone', day }, job),
    ).toEqual({ outcome: 'empty', day });
    expect(digestSlack.requests).toHaveLength(1);
  });

  it('a job scheduler runs the digest every second; the day before is still sent once', async () => {
    const context = scenario.pipeline.context;
    const yesterday = previousUtcDay(new Date());
    // An event detected yesterday (written here; the real runs all happened today).
    await context.store.events.insert([
      {
        _id: 'NCT00000001:status_changed:-:fixture>fixture',
        nctId: 'NCT00000001',
        type: 'status_changed',
        from: 'RECRUITING',
        to: 'COMPLETED',
        registryGenerated: false,
        detectedAt: new Date(`${yesterday}T12:00:00Z`),
        runId: 'run_fixture',
        lastUpdatePostDate: yesterday,
        fromVersion: null,
        toVersion: null,
        cohorts: [],
      },
    ]);
    await context.store.subscriptions.upsert(
      subscription('sub_dsched', {
        channel: 'digest',
        url: scheduled.url,
        digestFormat: 'webhook',
        digestCron: '* * * * * *',
      }),
    );
    const schedules = await reconcileDigestSchedules(context);
    expect(schedules.map((schedule) => [schedule.subscriptionId, schedule.cron])).toEqual([
      ['sub_dnone', '0 7 * * *'],
      ['sub_dsched', '* * * * * *'],
      ['sub_dslack', '0 7 * * *'],
      ['sub_dweb', '0 7 * * *'],
    ]);
    await scheduled.waitFor((requests) => requests.length >= 1, 15_000);
    const queue = context.queues.queue('digest');
    const deadline = Date.now() + 15_000;
    const scheduledRuns = async () =>
      (await queue.getJobs(['completed'])).filter(
        (done) => (done.data as SendDigestPayload).subscriptionId === 'sub_dsched',
      ).length;
    while ((await scheduledRuns()) < 3) {
      if (Date.now() > deadline) throw new Error('the scheduler did not run three times');
      await sleep(200);
    }
    expect(scheduled.requests).toHaveLength(1);
    const body = JSON.parse(scheduled.requests[0]?.body ?? '{}') as WebhookDigestBody;
    expect(body.day).toBe(yesterday);
    expect(body.events.map((view) => view.id)).toEqual(['NCT00000001:status_changed:-:fixture>fixture']);
    expect(scheduled.requests[0]?.signatureValid).toBe(true);

    await context.store.subscriptions.remove('sub_dsched');
    await reconcileDigestSchedules(context);
    expect((await listDigestSchedules(context)).map((schedule) => schedule.subscriptionId)).toEqual([
      'sub_dnone',
      'sub_dslack',
      'sub_dweb',
    ]);
  });
});
