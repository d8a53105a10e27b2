import type { Collection, Filter } from 'mongodb';
import type { TrialDoc, TrialVersionDoc, VersionRef } from './documents.js';
import { findByIds, mapLimit } from './find-by-ids.js';
import { insertNew } from './store.js';

export interface TrialHead {
  nctId: string;
  versionId: string;
  contentHash: string;
  lastUpdatePostDate: string | null;
  cohorts: string[];
  removed: boolean;
}

/** Thrown when the head is not what this write expected: the job retries. */
export class HeadConflictError extends Error {
  override readonly name = 'HeadConflictError';
  readonly retryable = true;
  readonly kind = 'head_conflict';
}

export type ApplyOutcome =
  /** The head moved to this version; `previousId` is what it replaced (null: a new trial). */
  | { kind: 'applied'; previousId: string | null }
  /** The version is older than the current head: kept in history, head untouched. */
  | { kind: 'stale' }
  /** The head already is this version (a retry, or already applied by an earlier run). */
  | { kind: 'current'; previousId: string | null; appliedByRun: string | null };

const HEAD_PROJECTION = {
  versionId: 1,
  contentHash: 1,
  lastUpdatePostDate: 1,
  cohorts: 1,
  removed: 1,
} as const;
const WRITE_CONCURRENCY = 8;

export function toHead(
  doc: Pick<TrialDoc, '_id' | 'versionId' | 'contentHash' | 'lastUpdatePostDate' | 'cohorts' | 'removed'>,
): TrialHead {
  return {
    nctId: doc._id,
    versionId: doc.versionId,
    contentHash: doc.contentHash,
    lastUpdatePostDate: doc.lastUpdatePostDate,
    cohorts: doc.cohorts,
    removed: doc.removed,
  };
}

/**
 * Current trials. Writes filter on `_id` alone and one statement per command: FerretDB scans the whole
 * collection for any other filter, and freezes on bulk updates of 100+ statements. Guards are read-
 * then-write: the pipeline gives each trial one writer per run (the fetcher claims it), and the
 * registry's own clock (lastUpdatePostDate) keeps an older version from replacing a newer one.
 */
export class TrialsRepository {
  constructor(private readonly trials: Collection<TrialDoc>) {}

  async heads(nctIds: readonly string[]): Promise<Map<string, TrialHead>> {
    const docs = await findByIds(this.trials, nctIds, HEAD_PROJECTION);
    return new Map(docs.map((doc) => [doc._id, toHead(doc)]));
  }

  async get(nctId: string): Promise<TrialDoc | null> {
    return this.trials.findOne({ _id: nctId });
  }

  /** Several trials by id (`_id` lookups: a `$in` scans the collection on FerretDB); absent ids are skipped. */
  async getMany(nctIds: readonly string[]): Promise<TrialDoc[]> {
    return findByIds(this.trials, nctIds);
  }

  /**
   * Move each trial's head to its version. `heads` is what the caller believes the heads are (absent =
   * new trial); a new trial that exists after all is settled by reading it back.
   */
  async applyVersions(
    versions: readonly TrialVersionDoc[],
    heads: ReadonlyMap<string, TrialHead>,
    context: { cohort: string | null; now: Date },
  ): Promise<Map<string, ApplyOutcome>> {
    const outcomes = new Map<string, ApplyOutcome>();
    const fresh: TrialVersionDoc[] = [];
    const updates: { version: TrialVersionDoc; head: TrialHead }[] = [];
    for (const version of versions) {
      const head = heads.get(version.nctId);
      if (!head) fresh.push(version);
      else if (head.versionId === version._id && !head.removed)
        outcomes.set(version._id, await this.reconcile(version));
      else if (isOlder(version.lastUpdatePostDate, head.lastUpdatePostDate))
        outcomes.set(version._id, { kind: 'stale' });
      else updates.push({ version, head });
    }
    if (fresh.length > 0) {
      const inserted = await insertNew(
        this.trials,
        fresh.map((version) => newTrialDoc(version, context)),
      );
      if (inserted === fresh.length) {
        for (const version of fresh) outcomes.set(version._id, { kind: 'applied', previousId: null });
      } else {
        // Some existed already (a cold head cache, a retry): settle those against what is stored.
        const settled = await mapLimit(fresh, WRITE_CONCURRENCY, (version) => this.settle(version, context));
        fresh.forEach((version, index) => outcomes.set(version._id, settled[index] as ApplyOutcome));
      }
    }
    const moved = await mapLimit(updates, WRITE_CONCURRENCY, async ({ version, head }) => {
      await this.trials.updateOne({ _id: version.nctId }, moveHead(version, head.versionId, context.now));
      return { kind: 'applied', previousId: head.versionId === version._id ? null : head.versionId } as const;
    });
    updates.forEach(({ version }, index) => outcomes.set(version._id, moved[index] as ApplyOutcome));
    return outcomes;
  }

  /** A trial believed new that was found stored: apply against the stored head. */
  private async settle(version: TrialVersionDoc, context: { now: Date }): Promise<ApplyOutcome> {
    const doc = await this.trials.findOne(
      { _id: version.nctId },
      { projection: { ...HEAD_PROJECTION, versions: 1 } },
    );
    if (!doc) throw new HeadConflictError(`trial ${version.nctId} neither inserted nor found`);
    if (doc.versionId === version._id) return currentOutcome(doc, version);
    if (isOlder(version.lastUpdatePostDate, doc.lastUpdatePostDate)) return { kind: 'stale' };
    await this.trials.updateOne({ _id: version.nctId }, moveHead(version, doc.versionId, context.now));
    return { kind: 'applied', previousId: doc.versionId };
  }

  /** The head already is this version: a retry, or an earlier run applied it. */
  private async reconcile(version: TrialVersionDoc): Promise<ApplyOutcome> {
    const doc = await this.trials.findOne(
      { _id: version.nctId },
      { projection: { versionId: 1, versions: 1 } },
    );
    if (!doc) throw new HeadConflictError(`trial ${version.nctId} vanished while being updated`);
    return currentOutcome(doc, version);
  }

  /** Record membership of a cohort; returns the run that made the trial a member (null if unknown trial). */
  async enterCohort(nctId: string, cohort: string, runId: string, now: Date): Promise<string | null> {
    const doc = await this.trials.findOne(
      { _id: nctId },
      { projection: { cohortMembership: 1, cohorts: 1 } },
    );
    if (!doc) return null;
    const membership = doc.cohortMembership[cohort];
    if (membership) return membership.runId;
    await this.trials.updateOne(
      { _id: nctId },
      { $set: { [`cohortMembership.${cohort}`]: { since: now, runId } }, $addToSet: { cohorts: cohort } },
    );
    return runId;
  }

  /** Returns true when this run (this call or a retry of it) took the trial out of the cohort. */
  async leaveCohort(nctId: string, cohort: string, runId: string, now: Date): Promise<boolean> {
    const doc = (await this.trials.findOne({ _id: nctId }, { projection: { cohorts: 1, cohortLeft: 1 } })) as
      (Pick<TrialDoc, 'cohorts'> & { cohortLeft?: Record<string, { runId: string }> }) | null;
    if (!doc) return false;
    if (!doc.cohorts.includes(cohort)) return doc.cohortLeft?.[cohort]?.runId === runId;
    await this.trials.updateOne(
      { _id: nctId },
      {
        $pull: { cohorts: cohort },
        $unset: { [`cohortMembership.${cohort}`]: '' },
        $set: { [`cohortLeft.${cohort}`]: { at: now, runId } },
      },
    );
    return true;
  }

  /** Mark trials the registry no longer serves. Returns those this run removed (retries included) → version. */
  async markRemoved(nctIds: readonly string[], runId: string, now: Date): Promise<Map<string, string>> {
    const removed = new Map<string, string>();
    await mapLimit(nctIds, WRITE_CONCURRENCY, async (nctId) => {
      const doc = await this.trials.findOne(
        { _id: nctId },
        { projection: { removed: 1, removedRunId: 1, versionId: 1 } },
      );
      if (!doc) return;
      if (!doc.removed) {
        await this.trials.updateOne(
          { _id: nctId },
          { $set: { removed: true, removedAt: now, removedRunId: runId } },
        );
        removed.set(nctId, doc.versionId);
      } else if (doc.removedRunId === runId) {
        removed.set(nctId, doc.versionId);
      }
    });
    return removed;
  }

  /** Without a filter, the collection's own count (a filtered count reads every document on FerretDB). */
  async count(filter: Filter<TrialDoc> = {}): Promise<number> {
    return Object.keys(filter).length > 0
      ? this.trials.countDocuments(filter)
      : this.trials.estimatedDocumentCount();
  }

  find(filter: Filter<TrialDoc>, options: { limit?: number; sortById?: 1 | -1 } = {}) {
    const cursor = this.trials.find(filter).sort({ _id: options.sortById ?? 1 });
    return options.limit ? cursor.limit(options.limit) : cursor;
  }

  /** The trial as it was at `asOf`: the last version detected at or before it. */
  async versionAt(nctId: string, asOf: Date): Promise<VersionRef | null> {
    const doc = await this.trials.findOne({ _id: nctId }, { projection: { versions: 1 } });
    if (!doc) return null;
    return doc.versions.filter((ref) => ref.detectedAt.getTime() <= asOf.getTime()).at(-1) ?? null;
  }
}

/** The current-trial document of a trial first seen at `version` (also what benchmarks insert as the ceiling). */
export function newTrialDoc(
  version: TrialVersionDoc,
  context: { cohort: string | null; now: Date },
): TrialDoc {
  return {
    _id: version.nctId,
    trial: version.trial,
    versionId: version._id,
    contentHash: version.contentHash,
    lastUpdatePostDate: version.lastUpdatePostDate,
    firstSeenAt: context.now,
    lastChangedAt: context.now,
    lastRunId: version.runId,
    cohorts: context.cohort ? [context.cohort] : [],
    cohortMembership: context.cohort
      ? { [context.cohort]: { since: context.now, runId: version.runId } }
      : {},
    removed: false,
    removedAt: null,
    removedRunId: null,
    versions: [
      {
        id: version._id,
        previousId: null,
        lastUpdatePostDate: version.lastUpdatePostDate,
        detectedAt: context.now,
        runId: version.runId,
      },
    ],
  };
}

function moveHead(version: TrialVersionDoc, previousId: string, now: Date) {
  const ref: VersionRef = {
    id: version._id,
    previousId: previousId === version._id ? null : previousId,
    lastUpdatePostDate: version.lastUpdatePostDate,
    detectedAt: now,
    runId: version.runId,
  };
  const set = {
    trial: version.trial,
    versionId: version._id,
    contentHash: version.contentHash,
    lastUpdatePostDate: version.lastUpdatePostDate,
    lastChangedAt: now,
    lastRunId: version.runId,
    removed: false,
    removedAt: null,
    removedRunId: null,
  };
  // A trial that comes back at the version it was removed at gets its head back, not a second ref.
  return previousId === version._id ? { $set: set } : { $set: set, $push: { versions: ref } };
}

function currentOutcome(doc: Pick<TrialDoc, 'versions'>, version: TrialVersionDoc): ApplyOutcome {
  const ref = [...doc.versions].reverse().find((candidate) => candidate.id === version._id);
  return { kind: 'current', previousId: ref?.previousId ?? null, appliedByRun: ref?.runId ?? null };
}

/** Registry dates are ISO days: string order is date order. Missing dates never count as older. */
function isOlder(candidate: string | null, current: string | null): boolean {
  return candidate !== null && current !== null && candidate < current;
}
