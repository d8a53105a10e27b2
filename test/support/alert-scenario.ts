import { startReplayServer, type ReplayServer } from '@trialwatch/replay-server';
import type { EventDoc, SubscriptionDoc } from '@trialwatch/store';
import type { PipelineSettings } from '@trialwatch/pipeline';
import { startTestPipeline, testEnvironment, type TestPipeline } from './harness.js';
import { realRecordsDir } from './paths.js';

/** The real records of ../shared served as they are, a pipeline, and subscriptions made before night 1. */
export interface AlertScenario {
  replay: ReplayServer;
  pipeline: TestPipeline;
  /** Night 1: ten trial_added events, fanned out to the subscriptions. */
  load(): Promise<EventDoc[]>;
  close(): Promise<void>;
}

export function subscription(
  id: string,
  fields: Pick<SubscriptionDoc, 'channel' | 'url'> & Partial<SubscriptionDoc>,
): SubscriptionDoc {
  return {
    _id: id,
    cohort: null,
    eventTypes: [],
    secret: `${id}-secret`,
    enabled: true,
    createdAt: new Date(),
    ...fields,
  };
}

export async function startAlertScenario(
  subscriptions: readonly SubscriptionDoc[],
  settings: Partial<PipelineSettings> = {},
): Promise<AlertScenario> {
  const replay = await startReplayServer({ dataDir: realRecordsDir, seed: 3 });
  const pipeline = await startTestPipeline(testEnvironment(replay.url), settings);
  for (const doc of subscriptions) await pipeline.context.store.subscriptions.upsert(doc);
  return {
    replay,
    pipeline,
    async load() {
      const run = await pipeline.sync({ kind: 'all' });
      if (run.status !== 'completed') throw new Error(`night 1 ended ${run.status}`);
      return pipeline.context.store.events.find({ runId: run._id }).toArray();
    },
    async close() {
      await pipeline.close();
      await replay.close();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
