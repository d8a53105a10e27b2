import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startReplayServer, type ReplayServer } from '@trialwatch/replay-server';
import { toEventView, type EventDoc, type SyncRunDoc } from '@trialwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOf, sortChanges } from './support/event-shape.js';
import { startTestPipeline, testEnvironment, type TestPipeline } from './support/harness.js';
import { planNightTwo, type NightTwo } from './support/night-two-edits.js';
import { readRealRecords } from './support/real-records.js';
import { tempCorpus, writeAtomically } from './support/replay-corpus.js';
import { acceptedCounts, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'two-night-secret-0123456789';
const records = readRealRecords();

/**
 * Night 1 serves the ten real records of ../shared; night 2 serves edited deep copies (made here, at test
 * time) with a newer lastUpdatePostDate, one file removed, one copy differing only in derivedSection and
 * one untouched. Night 2 runs incrementally, as a nightly run would. A webhook subscription receives every
 * event, and the receiver verifies every signature.
 */
describe('two nights of real records through the real queues', () => {
  let corpus: Awaited<ReturnType<typeof tempCorpus>>;
  let replay: ReplayServer;
  let receiver: WebhookReceiver;
  let pipeline: TestPipeline;
  let plan: NightTwo;
  let night1: SyncRunDoc;
  let night2: SyncRunDoc;
  let night2Events: EventDoc[];

  beforeAll(async () => {
    corpus = await tempCorpus('two-night-');
    for (const record of records) await writeAtomically(corpus.dir, record.file, JSON.stringify(record.raw));
    replay = await startReplayServer({ dataDir: corpus.dir, seed: 11 });
    receiver = await startWebhookReceiver({ secret: SECRET });
    pipeline = await startTestPipeline(testEnvironment(replay.url));
    await pipeline.context.store.subscriptions.upsert({
      _id: 'sub_night',
      cohort: null,
      eventTypes: [],
      channel: 'webhook',
      url: receiver.url,
      secret: SECRET,
      enabled: true,
      createdAt: new Date(),
    });
  });
  afterAll(async () => {
    await pipeline.close();
    await receiver.close();
    await replay.close();
    await corpus.remove();
  });

  it('night 1 loads the ten records: one trial_added each', async () => {
    night1 = await pipeline.sync({ kind: 'all' });
    expect(night1.status).toBe('completed');
    expect(night1.summary).toMatchObject({ totalCount: 10, fetched: 10, stored: 10, changed: 10, failed: 0 });
    const events = await pipeline.context.store.events.find({ runId: night1._id }).toArray();
    expect(events.map((event) => `${event.nctId} ${event.type}`).sort()).toEqual(
      records.map((record) => `${record.nctId} trial_added`).sort(),
    );
  });

  it('night 2, incremental, flags exactly the planted changes with their types and values', async () => {
    const newest = records
      .map(
        (record) =>
          (
            record.raw as {
              protocolSection: { statusModule: { lastUpdatePostDateStruct?: { date: string } } };
            }
          ).protocolSection.statusModule.lastUpdatePostDateStruct?.date ?? '',
      )
      .sort()
      .at(-1);
    plan = planNightTwo(readRealRecords(), '2026-11-20');
    expect(newest !== undefined && newest < '2026-11-20').toBe(true);
    for (const [file, text] of plan.files) {
      if (text === null) await rm(path.join(corpus.dir, file));
      else await writeAtomically(corpus.dir, file, text);
    }

    night2 = await pipeline.sync({ kind: 'all' });
    expect(night2.status).toBe('completed');
    expect(night2.mode).toBe('incremental');
    expect(night2.windowFrom).not.toBeNull();
    night2Events = await pipeline.context.store.events.find({ runId: night2._id }).toArray();
    expect(sortChanges(night2Events.map(changeOf))).toEqual(sortChanges(plan.expected));
  });

  it('raises no event for the untouched trial nor for the one that differs only in derivedSection', () => {
    expect(plan.untouched).toEqual(['NCT00763412']);
    for (const nctId of [...plan.untouched, plan.derivedOnly]) {
      expect(night2Events.filter((event) => event.nctId === nctId)).toEqual([]);
    }
  });

  it('keeps the removed trial, marked removed, and the new versions of the changed ones', async () => {
    const { store } = pipeline.context;
    const heads = await store.trials.heads([...plan.changed, 'NCT03475563', plan.derivedOnly]);
    expect(heads.get('NCT03475563')?.removed).toBe(true);
    for (const nctId of plan.changed) expect(heads.get(nctId)?.lastUpdatePostDate).toBe('2026-11-20');
    expect(heads.get(plan.derivedOnly)?.lastUpdatePostDate).not.toBe('2026-11-20');
  });

  it('delivers every alert of both nights exactly once, each with a valid signature and the stored event', async () => {
    const { store } = pipeline.context;
    const all = await store.events.find({}).toArray();
    await receiver.waitFor(() => receiver.accepted().length >= all.length, 30_000);
    // Give a duplicate the time to show up.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.requests.every((request) => request.signatureValid === true)).toBe(true);
    const counts = acceptedCounts(receiver);
    expect([...counts.keys()].sort()).toEqual(all.map((event) => `${event._id}|sub_night`).sort());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    for (const request of receiver.accepted()) {
      const body = JSON.parse(request.body) as { id: string; event: { id: string }; subscription: string };
      const stored = all.find((event) => event._id === body.event.id);
      expect(stored).toBeDefined();
      if (!stored) continue;
      expect(body).toEqual({ id: request.deliveryId, event: toEventView(stored), subscription: 'sub_night' });
      expect(request.eventType).toBe(stored.type);
    }
    const deliveries = await store.deliveries.list({ subscriptionId: 'sub_night' }).toArray();
    expect(deliveries).toHaveLength(all.length);
    expect(deliveries.every((delivery) => delivery.status === 'delivered' && delivery.attempts === 1)).toBe(
      true,
    );
  });

  it('a --full re-sync afterwards flags nothing new and sends nothing', async () => {
    const { store } = pipeline.context;
    const eventsBefore = await store.events.count();
    const requestsBefore = receiver.requests.length;
    const run = await pipeline.sync({ kind: 'all' }, { full: true });
    expect(run.status).toBe('completed');
    expect(run.mode).toBe('full');
    expect(run.summary).toMatchObject({ totalCount: 9, fetched: 9, changed: 0, failed: 0 });
    expect(await store.events.count()).toBe(eventsBefore);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.requests.length).toBe(requestsBefore);
  });
});
