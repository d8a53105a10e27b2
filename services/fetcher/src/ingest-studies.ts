import { servedJsonWithout, type RawStudy } from '@trialwatch/ctgov-client';
import { contentHash, contentHashOfJson, UNHASHED_SECTION } from '@trialwatch/domain';
import { checkedKey, type FetchContext } from '@trialwatch/pipeline';
import { stages } from '@trialwatch/queues';
import { encodeRawBytes, encodeRawRecord, type BatchRecord, type SyncRunDoc } from '@trialwatch/store';

export interface IngestOutcome {
  fetched: number;
  invalid: number;
  unchanged: number;
  queued: number;
  /** The ids of the studies that were readable, in the order served. */
  servedIds: string[];
  maxLastUpdatePostDate: string | null;
  batches: { id: string; record: BatchRecord }[];
}

interface ReadableStudy {
  nctId: string;
  hash: string;
  /** As the client gave it: its bytes as served when it could cut them out, and what it parsed. */
  served: RawStudy;
  lastUpdatePostDate: string | null;
}

const NCT_ID = /^NCT\d{8}$/;
/** Studies per normalize job (see docs/BENCHMARKS.md for the batch-size measurements). */
export const NORMALIZE_BATCH_SIZE = 250;

/**
 * The fetch side of a batch of served studies: keep what is not a study as a dead letter with its raw
 * text, stage the records whose content changed and queue them for normalization (which archives them
 * with their version). Unchanged studies cost a hash and a head-cache lookup: no database write.
 */
export async function ingestStudies(
  context: FetchContext,
  run: SyncRunDoc,
  studies: readonly RawStudy[],
  batchId: string,
  /** The job these studies came from: a search page or a re-verification batch. */
  job: { stage: 'fetch' | 'verify'; id: string },
): Promise<IngestOutcome> {
  const now = context.now();
  const origin = job.stage === 'fetch' ? 'search' : 'verify';
  const readable: ReadableStudy[] = [];
  let invalid = 0;
  for (const [index, study] of studies.entries()) {
    const record = asStudyRecord(study);
    if (!record) {
      invalid += 1;
      await keepInvalid(context, run._id, job, batchId, index, study, now);
      continue;
    }
    readable.push(record);
  }

  // A trial served by two of the run's searches is processed by the first batch that saw it.
  const owned = await context.progress.claim(
    run._id,
    batchId,
    readable.map((study) => study.nctId),
  );
  const heads = await context.heads.get([...owned]);
  const changed = new Map<string, ReadableStudy>();
  const membershipOnly: { nctId: string; versionId: string }[] = [];
  for (const study of readable) {
    if (!owned.has(study.nctId)) continue;
    const head = heads.get(study.nctId);
    if (!head || head.contentHash !== study.hash || head.removed) {
      changed.set(`${study.nctId}@${study.hash}`, study);
    } else if (run.cohort && !head.cohorts.includes(run.cohort)) {
      membershipOnly.push({ nctId: study.nctId, versionId: head.versionId });
    }
  }

  const batches: { id: string; record: BatchRecord }[] = [];
  const changedEntries = [...changed.entries()];
  // A page of 1,000 is split into normalize batches: they run in parallel and keep each worker's memory small.
  for (let start = 0, part = 0; start < changedEntries.length; start += NORMALIZE_BATCH_SIZE, part += 1) {
    const slice = changedEntries.slice(start, start + NORMALIZE_BATCH_SIZE);
    const normalizeBatchId = `${batchId}b${String(part)}`;
    // The archive keeps the bytes as served when the page could be cut; otherwise the record's JSON.
    const staged = new Map(
      slice.map(([id, { served }]) => [
        id,
        served.bytes ? encodeRawBytes(served.bytes) : encodeRawRecord(served.record),
      ]),
    );
    // For a normalizer in this process: the studies as served (it parses what it normalizes from them).
    const decoded = new Map(slice.map(([id, { served }]) => [id, served]));
    await context.staging.put(run._id, normalizeBatchId, 'raw', staged, decoded);
    await context.queues.enqueue('normalize', {
      runId: run._id,
      batchId: normalizeBatchId,
      rawIds: slice.map(([id]) => id),
    });
    batches.push({ id: normalizeBatchId, record: { origin, size: slice.length } });
  }
  if (membershipOnly.length > 0 && run.cohort) {
    const cohort = run.cohort;
    const membershipBatchId = `${batchId}m`;
    await context.queues.enqueue('detect', {
      runId: run._id,
      batchId: membershipBatchId,
      transitions: membershipOnly.map(({ nctId, versionId }) => ({
        nctId,
        fromVersion: versionId,
        toVersion: versionId,
        enteredCohorts: [cohort],
        leftCohorts: [],
        removed: false,
      })),
    });
    batches.push({
      id: membershipBatchId,
      record: {
        origin: 'membership',
        size: membershipOnly.length,
        normalized: true,
        detectBatchId: membershipBatchId,
      },
    });
  }

  if (readable.length > 0) {
    const key = checkedKey(context.settings.prefix, run.scope);
    const score = now.getTime();
    await context.redis.zadd(key, ...readable.flatMap((study) => [score, study.nctId]));
  }

  return {
    fetched: studies.length,
    invalid,
    unchanged: readable.length - changed.size,
    queued: changed.size,
    servedIds: readable.map((study) => study.nctId),
    maxLastUpdatePostDate: readable.reduce<string | null>(
      (max, study) =>
        study.lastUpdatePostDate && (!max || study.lastUpdatePostDate > max) ? study.lastUpdatePostDate : max,
      null,
    ),
    batches,
  };
}

function asStudyRecord(study: RawStudy): ReadableStudy | null {
  const record = study.record;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const nctId = readPath(record, ['protocolSection', 'identificationModule', 'nctId']);
  if (typeof nctId !== 'string' || !NCT_ID.test(nctId)) return null;
  const lastUpdate = readPath(record, [
    'protocolSection',
    'statusModule',
    'lastUpdatePostDateStruct',
    'date',
  ]);
  // From the bytes served when the client kept them: the same hash without serializing the record again.
  const json = servedJsonWithout(study, UNHASHED_SECTION);
  if (study.partial && !json) throw new Error(`${nctId}: a partial record without its served bytes`);
  return {
    nctId,
    hash: json ? contentHashOfJson(json) : contentHash(record),
    served: study,
    lastUpdatePostDate: typeof lastUpdate === 'string' ? lastUpdate : null,
  };
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

async function keepInvalid(
  context: FetchContext,
  runId: string,
  job: { stage: 'fetch' | 'verify'; id: string },
  batchId: string,
  index: number,
  study: RawStudy,
  now: Date,
): Promise<void> {
  const rawText = study.text ?? safeStringify(study.record);
  const nctId = study.nctId ?? /NCT\d{8}/.exec(rawText)?.[0] ?? null;
  const reason =
    typeof study.record === 'string'
      ? 'not a study record: the registry served text that is not JSON'
      : 'not a study record: no protocolSection.identificationModule.nctId';
  await context.store.deadLetters.record(
    {
      _id: `invalid-record:${runId}:${batchId}:${index}`,
      stage: job.stage,
      queue: stages[job.stage].queue,
      jobId: job.id,
      runId,
      nctId,
      reason,
      errorKind: 'invalid_record',
      payload: { runId, batchId, index },
      rawText,
      attempts: 1,
    },
    now,
  );
  context.logger.warn({ runId, batchId, index, nctId }, 'invalid record kept as a dead letter');
}

function safeStringify(value: unknown): string {
  try {
    // JSON.stringify gives undefined for these, whatever its declared type says.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return String(value);
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
