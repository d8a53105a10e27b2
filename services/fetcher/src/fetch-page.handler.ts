import { maybeFinalizeRun, pageKey, type FetchContext } from '@trialwatch/pipeline';
import { stages, type FetchPagePayload } from '@trialwatch/queues';
import { ingestStudies } from './ingest-studies.js';
import { toStudiesQuery } from './search-query.js';

/** One page of one search: fetch it, ingest its studies, queue the next page, record the page. */
export async function handleFetchPage(
  context: FetchContext,
  payload: FetchPagePayload,
): Promise<{ fetched: number }> {
  const run = await context.store.runs.get(payload.runId);
  const search = run?.searches[payload.searchIndex];
  if (!run || run.status !== 'running' || !search) {
    context.logger.info({ runId: payload.runId }, 'run not running; page skipped');
    return { fetched: 0 };
  }
  await waitForNormalizeBacklog(context);
  const query = toStudiesQuery(search, run.windowFrom, context.settings.pageSize);
  const page = await context.client.fetchStudiesPage(query, payload.pageToken);
  const key = pageKey(payload.searchIndex, payload.pageIndex);
  const outcome = await ingestStudies(context, run, page.studies, key, {
    stage: 'fetch',
    id: stages.fetch.jobId(payload),
  });

  if (page.nextPageToken) {
    await context.queues.enqueue('fetch', {
      runId: run._id,
      searchIndex: payload.searchIndex,
      pageIndex: payload.pageIndex + 1,
      pageToken: page.nextPageToken,
    });
  }
  await context.progress.recordPage(
    run._id,
    key,
    {
      fetched: outcome.fetched,
      totalCount: page.totalCount,
      hasNext: page.nextPageToken !== null,
      invalid: outcome.invalid,
      unchanged: outcome.unchanged,
      queued: outcome.queued,
      batchId: outcome.queued > 0 ? key : null,
      maxLastUpdatePostDate: outcome.maxLastUpdatePostDate,
      attempts: page.attempts,
    },
    outcome.batches,
  );
  await maybeFinalizeRun(context, run);
  return { fetched: outcome.fetched };
}

const BACKLOG_POLL_MS = 25;

/**
 * Backpressure: wait (bounded) while the normalizers have `normalizeBacklog` batches waiting. Fetching
 * is faster than normalizing, so without it a large pull stages its records in Redis faster than they are
 * consumed; with it, a batch is usually normalized by the process that staged it, from memory.
 */
export async function waitForNormalizeBacklog(context: FetchContext): Promise<void> {
  const { normalizeBacklog, backlogWaitMs } = context.settings;
  const normalize = context.queues.queue('normalize');
  const deadline = Date.now() + backlogWaitMs;
  while ((await normalize.getWaitingCount()) >= normalizeBacklog && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, BACKLOG_POLL_MS));
  }
}
