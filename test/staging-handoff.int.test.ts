import { StagingArea } from '@trialwatch/pipeline';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForNormalizeBacklog } from '../services/fetcher/src/index.js';
import { usePipelineContext } from './support/harness.js';

/**
 * Records handed from the fetcher to the normalizer go through Redis; the process that staged a batch also
 * keeps it decoded for a taker in the same process. Trials from the normalizer to the detector are only
 * held in memory (a detector elsewhere reads their versions from the database).
 * And fetching waits while normalize batches pile up. Real Redis (and the real database for the context).
 */
describe('staging handoff and fetch backpressure', () => {
  const fixture = usePipelineContext({ normalizeBacklog: 2, backlogWaitMs: 5_000 });
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(fixture.env.REDIS_URL);
  });
  afterAll(() => {
    redis.disconnect();
  });

  it('the staging process takes its batch decoded, once; every other taker reads the bytes from Redis', async () => {
    const staging = new StagingArea(redis, fixture.env.TRIALWATCH_PREFIX, 2);
    const otherProcess = new StagingArea(redis, fixture.env.TRIALWATCH_PREFIX, 2);
    const record = { protocolSection: { identificationModule: { nctId: 'NCT00000001' } } };
    await staging.put(
      'run1',
      'b0',
      'raw',
      new Map([['NCT00000001@h', Buffer.from('encoded')]]),
      new Map([['NCT00000001@h', record]]),
    );

    expect(otherProcess.takeLocal('run1', 'b0', 'raw')).toBeUndefined();
    const local = staging.takeLocal('run1', 'b0', 'raw');
    expect(local?.decoded.get('NCT00000001@h')).toBe(record);
    expect(local?.encoded.get('NCT00000001@h')?.toString()).toBe('encoded');
    expect(staging.takeLocal('run1', 'b0', 'raw')).toBeUndefined();

    for (const area of [staging, otherProcess]) {
      const bytes = await area.take('run1', 'b0', 'raw', ['NCT00000001@h', 'NCT00000002@h']);
      expect([...bytes.keys()]).toEqual(['NCT00000001@h']);
      expect(bytes.get('NCT00000001@h')?.toString()).toBe('encoded');
    }
  });

  it('keeps only the last batches decoded, and drop forgets them', async () => {
    const staging = new StagingArea(redis, fixture.env.TRIALWATCH_PREFIX, 2);
    for (const batch of ['b1', 'b2', 'b3']) {
      await staging.put(
        'run2',
        batch,
        'trials',
        new Map([['x', Buffer.from(batch)]]),
        new Map([['x', { batch }]]),
      );
    }
    expect(staging.takeLocal('run2', 'b1', 'trials')).toBeUndefined();
    await staging.drop('run2', 'b3', 'trials');
    expect(staging.takeLocal('run2', 'b3', 'trials')).toBeUndefined();
    expect(await staging.take('run2', 'b3', 'trials', ['x'])).toEqual(new Map());
    expect(staging.takeLocal('run2', 'b2', 'trials')?.decoded.get('x')).toEqual({ batch: 'b2' });
    expect((await staging.take('run2', 'b1', 'trials', ['x'])).get('x')?.toString()).toBe('b1');
  });

  it('hold keeps a batch for this process only, among the last batches kept', async () => {
    const staging = new StagingArea(redis, fixture.env.TRIALWATCH_PREFIX, 2);
    const trial = { nctId: 'NCT00000001' };
    staging.hold('run3', 'b0', 'trials', new Map([['NCT00000001@h', trial]]));
    expect(await staging.take('run3', 'b0', 'trials', ['NCT00000001@h'])).toEqual(new Map());
    expect(await redis.exists(`${fixture.env.TRIALWATCH_PREFIX}:stage:run3:b0:trials`)).toBe(0);
    expect(staging.takeLocal('run3', 'b0', 'trials')?.decoded.get('NCT00000001@h')).toBe(trial);
    expect(staging.takeLocal('run3', 'b0', 'trials')).toBeUndefined();
    for (const batch of ['b1', 'b2', 'b3'])
      staging.hold('run3', batch, 'trials', new Map([['x', { batch }]]));
    expect(staging.takeLocal('run3', 'b1', 'trials')).toBeUndefined();
    expect(staging.takeLocal('run3', 'b3', 'trials')?.decoded.get('x')).toEqual({ batch: 'b3' });
  });

  it('a page waits while two normalize batches wait, and goes on as soon as one is taken', async () => {
    const started = performance.now();
    await waitForNormalizeBacklog(fixture.context);
    expect(performance.now() - started).toBeLessThan(500);

    await fixture.context.queues.enqueue('normalize', {
      runId: 'r',
      batchId: 'a',
      rawIds: ['NCT00000001@0123456789abcdef'],
    });
    await fixture.context.queues.enqueue('normalize', {
      runId: 'r',
      batchId: 'b',
      rawIds: ['NCT00000002@0123456789abcdef'],
    });
    const queue = fixture.context.queues.queue('normalize');
    expect(await queue.getWaitingCount()).toBe(2);

    const waiting = performance.now();
    let released = 0;
    const wait = waitForNormalizeBacklog(fixture.context).then(
      () => (released = performance.now() - waiting),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(released).toBe(0);
    const [first] = await queue.getWaiting(0, 0);
    await first?.remove();
    await wait;
    expect(released).toBeGreaterThanOrEqual(600);
    expect(released).toBeLessThan(2_000);
  });

  it('gives up waiting after backlogWaitMs when nothing normalizes', async () => {
    const queue = fixture.context.queues.queue('normalize');
    await fixture.context.queues.enqueue('normalize', {
      runId: 'r',
      batchId: 'c',
      rawIds: ['NCT00000003@0123456789abcdef'],
    });
    expect(await queue.getWaitingCount()).toBe(2);
    const started = performance.now();
    await waitForNormalizeBacklog({
      ...fixture.context,
      settings: { ...fixture.context.settings, backlogWaitMs: 300 },
    });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(2_000);
  });
});
