import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDoc } from '@trialwatch/store';
import { sleep, startAlertScenario, subscription, type AlertScenario } from './support/alert-scenario.js';
import { acceptedCounts, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

/** Retries in tests: the deliver stage's production attempts (8), a shorter backoff. */
const FAST_RETRIES = { deliver: { attempts: 8, backoff: { type: 'exponential', delay: 200, jitter: 0.5 } } };

describe('a receiver that is down, then up', () => {
  const secret = 'outage-secret-0123456789';
  let clock = () => new Date();
  let receiver: WebhookReceiver;
  let scenario: AlertScenario;
  let events: EventDoc[];

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret, now: () => clock() });
    scenario = await startAlertScenario(
      [subscription('sub_outage', { channel: 'webhook', url: receiver.url, secret })],
      {
        jobOptions: FAST_RETRIES,
      },
    );
  });
  afterAll(async () => {
    await scenario.close();
    await receiver.close();
  });

  it('answers 503, then refuses connections, then comes up: every alert arrives exactly once', async () => {
    receiver.respondWith(503);
    events = await scenario.load();
    expect(events).toHaveLength(10);
    // Every delivery has been tried and answered 503 at least once…
    await receiver.waitFor(
      (requests) => new Set(requests.map((request) => request.deliveryId)).size === 10,
      30_000,
    );
    // …then the receiver is not listening for a while, then comes back healthy.
    await receiver.stop();
    await sleep(1_500);
    receiver.respondWith(200);
    await receiver.start();
    await receiver.waitFor(() => receiver.accepted().length >= 10, 30_000);
    await sleep(1_000);

    const counts = acceptedCounts(receiver);
    expect([...counts.keys()].sort()).toEqual(events.map((event) => `${event._id}|sub_outage`).sort());
    expect([...counts.values()]).toEqual(Array.from({ length: 10 }, () => 1));
    expect(receiver.requests.filter((request) => request.status === 503).length).toBeGreaterThanOrEqual(10);
    expect(receiver.requests.every((request) => request.signatureValid === true)).toBe(true);

    const deliveries = await scenario.pipeline.context.store.deliveries
      .list({ subscriptionId: 'sub_outage' })
      .toArray();
    expect(deliveries).toHaveLength(10);
    for (const delivery of deliveries) {
      expect(delivery.status).toBe('delivered');
      expect(delivery.attempts).toBeGreaterThanOrEqual(2);
      expect(delivery.lastError).toBeNull();
    }
    expect(await scenario.pipeline.context.store.deadLetters.count()).toBe(0);
  });

  it('fanning the same events out again sends nothing: each pair is recorded as delivered', async () => {
    const before = receiver.requests.length;
    await scenario.pipeline.context.queues.queue('deliver').obliterate({ force: true });
    await scenario.pipeline.context.queues.enqueueMany(
      'deliver',
      events.map((event) => ({ eventId: event._id, subscriptionId: 'sub_outage' })),
    );
    const queue = scenario.pipeline.context.queues.queue('deliver');
    const deadline = Date.now() + 15_000;
    while ((await queue.getCompletedCount()) < events.length) {
      if (Date.now() > deadline) throw new Error('the second fan-out did not run in time');
      await sleep(100);
    }
    const outcomes = (await queue.getJobs(['completed'])).map((job) => job.returnvalue as unknown);
    expect(outcomes).toEqual(events.map(() => ({ outcome: 'already_delivered' })));
    expect(receiver.requests.length).toBe(before);
  });

  it('the receiver rejects a captured request replayed after its tolerance, and a tampered body', async () => {
    const captured = receiver.accepted()[0];
    expect(captured).toBeDefined();
    if (!captured) return;
    const resend = (body: string) =>
      fetch(receiver.url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'X-TrialWatch-Delivery': captured.deliveryId,
          'X-TrialWatch-Event': captured.eventType,
          'X-TrialWatch-Timestamp': captured.timestamp,
          'X-TrialWatch-Signature': captured.signature ?? '',
        },
      });
    expect((await resend(captured.body.replace('"trial_added"', '"trial_removed"'))).status).toBe(401);
    clock = () => new Date(Number(captured.timestamp) * 1000 + 301_000);
    expect((await resend(captured.body)).status).toBe(401);
    clock = () => new Date(Number(captured.timestamp) * 1000 + 299_000);
    expect((await resend(captured.body)).status).toBe(200);
  });
});

describe('receivers that do not accept', () => {
  let rejecting: WebhookReceiver;
  let failing: WebhookReceiver;
  let scenario: AlertScenario;
  let events: EventDoc[];

  beforeAll(async () => {
    rejecting = await startWebhookReceiver({ secret: 'sub_reject-secret' });
    rejecting.respondWith(400);
    failing = await startWebhookReceiver({ secret: 'sub_fail-secret' });
    failing.respondWith(503);
    scenario = await startAlertScenario(
      [
        subscription('sub_reject', { channel: 'webhook', url: rejecting.url }),
        subscription('sub_fail', { channel: 'webhook', url: failing.url }),
      ],
      { jobOptions: { deliver: { attempts: 3, backoff: { type: 'exponential', delay: 100 } } } },
    );
    events = await scenario.load();
  });
  afterAll(async () => {
    await scenario.close();
    await rejecting.close();
    await failing.close();
  });

  it('a 400 is dead-lettered after one attempt and never retried', async () => {
    await rejecting.waitFor((requests) => requests.length >= events.length, 30_000);
    await sleep(1_500);
    expect(rejecting.requests).toHaveLength(events.length);
    const { store } = scenario.pipeline.context;
    const deliveries = await store.deliveries.list({ subscriptionId: 'sub_reject' }).toArray();
    expect(deliveries.map((delivery) => [delivery.status, delivery.attempts])).toEqual(
      events.map(() => ['failed', 1]),
    );
    expect(deliveries.every((delivery) => delivery.lastError?.endsWith('answered HTTP 400'))).toBe(true);
    const letters = (await store.deadLetters.list().toArray()).filter((letter) =>
      letter.jobId.startsWith('deliver.sub_reject.'),
    );
    expect(letters).toHaveLength(events.length);
    expect(letters.every((letter) => letter.errorKind === 'receiver_rejected' && letter.attempts === 1)).toBe(
      true,
    );
  });

  it('a receiver that keeps failing gets the job’s attempts, then a failed delivery and a dead letter', async () => {
    const { store } = scenario.pipeline.context;
    await failing.waitFor((requests) => requests.length >= events.length * 3, 30_000);
    const deadline = Date.now() + 10_000;
    while (
      (await store.deliveries.list({ subscriptionId: 'sub_fail', status: 'failed' }).toArray()).length <
      events.length
    ) {
      if (Date.now() > deadline) throw new Error('deliveries not failed in time');
      await sleep(100);
    }
    await sleep(1_000);
    expect(failing.requests).toHaveLength(events.length * 3);
    const deliveries = await store.deliveries.list({ subscriptionId: 'sub_fail' }).toArray();
    expect(deliveries.map((delivery) => [delivery.status, delivery.attempts])).toEqual(
      events.map(() => ['failed', 3]),
    );
    const letters = (await store.deadLetters.list().toArray()).filter((letter) =>
      letter.jobId.startsWith('deliver.sub_fail.'),
    );
    expect(letters).toHaveLength(events.length);
    expect(
      letters.every((letter) => letter.errorKind === 'receiver_unavailable' && letter.attempts === 3),
    ).toBe(true);
  });
});
