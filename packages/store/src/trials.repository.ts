import type { Trial } from '@trialwatch/domain';
import type { Collection, Filter } from 'mongodb';
import type { TrialDoc, TrialVersionDoc, VersionRef } from './documents.js';
import { findByIds } from './find-by-ids.js';
import { insertNew } from './store.js';

export interface TrialHead {
  nctId: string;
  versionId: string;
  contentHash: string;
  lastUpdatePostDate: string | null;
  cohorts: string[];
  removed: boolean;
}

/** Thrown when another worker moved the head between our read and our write: the job retries. */
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
  /** The head already is this version (a retry, or a duplicate within a run). */
  | { kind: 'current'; previousId: string | null; appliedByRun: string | null };

const HEAD_PROJECTION = {
  versionId: 1,
  contentHash: 1,
  lastUpdatePostDate: 1,
  cohorts: 1,
  removed: 1,
} as const;

export class TrialsRepository {
  constructor(private readonly trials: Collection<TrialDoc>) {}

  /** The current version pointers of these trials (unknown ids are absent from the map). */
  async heads(nctIds: readonly string[]): Promise<Map<string, TrialHead>> {
    const docs = await findByIds(this.trials, nctIds, HEAD_PROJECTION);
    return new Map(
      docs.map((doc) => [
        doc._id,
        {
          nctId: doc._id,
          versionId: doc.versionId,
          contentHash: doc.contentHash,
          lastUpdatePostDate: doc.lastUpdatePostDate,
          cohorts: doc.cohorts,
          removed: doc.removed,
        },
      ]),
    );
  }

  async get(nctId: string): Promise<TrialDoc | null> {
    return this.trials.findOne({ _id: nctId });
  }

  /**
   * Move the trial's head to `version`, guarded by the head we read (compare-and-set) and by the
   * registry's own clock: an older lastUpdatePostDate never replaces a newer one.
   */
  async applyVersion(
    version: TrialVersionDoc,
    head: TrialHead | undefined,
    context: { cohort: string | null; now: Date },
  ): Promise<ApplyOutcome> {
    const ref: VersionRef = {
      id: version._id,
      previousId: head?.versionId ?? null,
      lastUpdatePostDate: version.lastUpdatePostDate,
      detectedAt: context.now,
      runId: version.runId,
    };
    if (!head) {
      const inserted = await insertNew(this.trials, [
        {
          _id: version.nctId,
          trial: version.trial,
          versionId: version._id,
          contentHash: version.contentHash,
          lastUpdatePostDate: version.lastUpdatePostDate,
          firstSeenAt: context.now,
          lastChangedAt: context.now,
          lastRunId: version.runId,
          cohorts: context.cohort ? [context.cohort] : [],
          cohortMembership: context.cohort ? { [context.cohort]: { since: context.now, runId: version.runId } } : {},
          removed: false,
          removedAt: null,
          removedRunId: null,
          versions: [{ ...ref, previousId: null }],
        },
      ]);
      if (inserted === 1) return { kind: 'applied', previousId: null };
      return this.reconcile(version);
    }
    if (head.versionId === version._id) return this.reconcile(version);
    if (isOlder(version.lastUpdatePostDate, head.lastUpdatePostDate)) return { kind: 'stale' };
    const result = await this.trials.updateOne(
      { _id: version.nctId, versionId: head.versionId },
      {
        $set: {
          trial: version.trial,
          versionId: version._id,
          contentHash: version.contentHash,
          lastUpdatePostDate: version.lastUpdatePostDate,
          lastChangedAt: context.now,
          lastRunId: version.runId,
          removed: false,
          removedAt: null,
          removedRunId: null,
        },
        $push: { versions: ref },
      },
    );
    if (result.matchedCount === 1) return { kind: 'applied', previousId: head.versionId };
    return this.reconcile(version);
  }

  /** After a lost race or on a retry: is the head already at this version, and what did it replace? */
  private async reconcile(version: TrialVersionDoc): Promise<ApplyOutcome> {
    const doc = await this.trials.findOne({ _id: version.nctId }, { projection: { versionId: 1, versions: 1, lastUpdatePostDate: 1 } });
    if (!doc) throw new HeadConflictError(`trial ${version.nctId} vanished while being updated`);
    if (doc.versionId === version._id) {
      const ref = [...doc.versions].reverse().find((candidate) => candidate.id === version._id);
      return { kind: 'current', previousId: ref?.previousId ?? null, appliedByRun: ref?.runId ?? null };
    }
    if (isOlder(version.lastUpdatePostDate, doc.lastUpdatePostDate)) return { kind: 'stale' };
    throw new HeadConflictError(`trial ${version.nctId} moved to ${doc.versionId} while applying ${version._id}`);
  }

  /**
   * Record membership of a cohort. Returns the run that made the trial a member (this one when it just
   * entered, or on a retry of that run; another one when it was a member already).
   */
  async enterCohort(nctId: string, cohort: string, runId: string, now: Date): Promise<string | null> {
    const path = `cohortMembership.${cohort}`;
    await this.trials.updateOne({ _id: nctId, cohorts: { $ne: cohort } } as Filter<TrialDoc>, {
      $set: { [path]: { since: now, runId } },
      $addToSet: { cohorts: cohort },
    });
    const doc = await this.trials.findOne({ _id: nctId }, { projection: { cohortMembership: 1 } });
    return doc?.cohortMembership[cohort]?.runId ?? null;
  }

  /** Returns true when this call (or a retry of the same run) left the cohort. */
  async leaveCohort(nctId: string, cohort: string, runId: string, now: Date): Promise<boolean> {
    const result = await this.trials.updateOne({ _id: nctId, cohorts: cohort } as Filter<TrialDoc>, {
      $pull: { cohorts: cohort },
      $unset: { [`cohortMembership.${cohort}`]: '' },
      $set: { [`cohortLeft.${cohort}`]: { at: now, runId } },
    });
    if (result.modifiedCount === 1) return true;
    const doc = await this.trials.findOne({ _id: nctId }, { projection: { cohortLeft: 1 } });
    const left = (doc as { cohortLeft?: Record<string, { runId: string }> } | null)?.cohortLeft?.[cohort];
    return left?.runId === runId;
  }

  /** Mark trials the registry no longer serves. Returns the ids this run removed (retries included). */
  async markRemoved(nctIds: readonly string[], runId: string, now: Date): Promise<Map<string, string>> {
    const removed = new Map<string, string>();
    for (const nctId of nctIds) {
      await this.trials.updateOne(
        { _id: nctId, removed: false },
        { $set: { removed: true, removedAt: now, removedRunId: runId } },
      );
      const doc = await this.trials.findOne({ _id: nctId }, { projection: { removedRunId: 1, versionId: 1 } });
      if (doc?.removedRunId === runId) removed.set(nctId, doc.versionId);
    }
    return removed;
  }

  async count(filter: Filter<TrialDoc> = {}): Promise<number> {
    return this.trials.countDocuments(filter);
  }

  find(filter: Filter<TrialDoc>, options: { limit?: number; sortById?: 1 | -1 } = {}) {
    const cursor = this.trials.find(filter).sort({ _id: options.sortById ?? 1 });
    return options.limit ? cursor.limit(options.limit) : cursor;
  }

  /** The trial as it was at `asOf`: the last version detected at or before it. */
  async versionAt(nctId: string, asOf: Date): Promise<VersionRef | null> {
    const doc = await this.trials.findOne({ _id: nctId }, { projection: { versions: 1 } });
    if (!doc) return null;
    const eligible = doc.versions.filter((ref) => ref.detectedAt.getTime() <= asOf.getTime());
    return eligible.at(-1) ?? null;
  }
}

/** Registry dates are ISO days: string order is date order. Missing dates never count as older. */
function isOlder(candidate: string | null, current: string | null): boolean {
  return candidate !== null && current !== null && candidate < current;
}

export type { Trial };
