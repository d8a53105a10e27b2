import { readFile } from 'node:fs/promises';
import { parseBaseline } from '@trialwatch/baseline';
import { demoRecordsDir, demoSnapshotDir } from '@trialwatch/demo-data';
import { startReplayServer, type ReplayServer } from '@trialwatch/replay-server';
import type { SyncRunDoc } from '@trialwatch/store';
import { startTestPipeline, testEnvironment, type TestPipeline } from './harness.js';
import { table2TsvPath } from './paths.js';
import { copyJsonFiles, tempCorpus } from './replay-corpus.js';

export interface DemoNights {
  pipeline: TestPipeline;
  replay: ReplayServer;
  night1: SyncRunDoc;
  night2: SyncRunDoc;
  close(): Promise<void>;
}

/**
 * The demo story through the real pipeline: Table 2 (../shared/domain/table2.tsv) imported as the prrt
 * baseline, night 1 serves the 2024-04 snapshot, night 2 today's records (files replaced as a refresh does).
 */
export async function syncDemoNights(): Promise<DemoNights> {
  const corpus = await tempCorpus('demo-nights-');
  await copyJsonFiles(demoSnapshotDir('2024-04'), corpus.dir);
  const replay = await startReplayServer({ dataDir: corpus.dir, seed: 5 });
  const pipeline = await startTestPipeline(testEnvironment(replay.url));
  try {
    const rows = parseBaseline(await readFile(table2TsvPath, 'utf8'), 'tsv');
    await pipeline.context.store.baselines.put({
      _id: 'prrt:table2',
      cohort: 'prrt',
      name: 'table2',
      source: 'table2.tsv',
      importedAt: new Date(),
      rows,
    });
    const night1 = await pipeline.sync({ kind: 'cohort', name: 'prrt' });
    await copyJsonFiles(demoRecordsDir, corpus.dir);
    const night2 = await pipeline.sync({ kind: 'cohort', name: 'prrt' });
    return {
      pipeline,
      replay,
      night1,
      night2,
      async close() {
        await pipeline.close();
        await replay.close();
        await corpus.remove();
      },
    };
  } catch (error) {
    await pipeline.close();
    await replay.close();
    await corpus.remove();
    throw error;
  }
}
