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
    const outcomes = await this.applyVersions([version], new Map(head ? [[version.nctId, head]] : []), context);
    const outcome = outcomes.get(version._id);
    if (!outcome) throw new HeadConflictError(`no outcome for ${version._id}`);
    return outcome;
  }

  /**
   * applyVersion for a batch, in two round trips when nothing races: one insertMany for new trials and
   * one unordered bulkWrite of compare-and-set updates. Anything that did not apply cleanly is settled
   * one by one.
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
      else if (head.versionId === version._id) outcomes.set(version._id, await this.reconcile(version));
      else if (isOlder(version.lastUpdatePostDate, head.lastUpdatePostDate)) outcomes.set(version._id, { kind: 'stale' });
      else updates.push({ version, head });
    }
    if (fresh.length > 0) {
      const docs = fresh.map((version) => this.newTrialDoc(version, context));
      const inserted = await insertNew(this.trials, docs);
      if (inserted === fresh.length) {
        for (const version of fresh) outcomes.set(version._id, { kind: 'applied', previousId: null });
      } else {
        for (const version of fresh) outcomes.set(version._id, await this.settleFresh(version));
      }
    }
    if (updates.length > 0) {
      const result = await this.trials.bulkWrite(
        updates.map(({ version, head }) => ({
          updateOne: { filter: { _id: version.nctId, versionId: head.versionId }, update: this.moveHead(version, head, context.now) },
        })),
        { ordered: false },
      );
      if (result.matchedCount === updates.length) {
        for (const { version, head } of updates) outcomes.set(version._id, { kind: 'applied', previousId: head.versionId });
      } else {
        for (const { version } of updates) outcomes.set(version._id, await this.reconcile(version));
      }
    }
    return outcomes;
  }

  private newTrialDoc(version: TrialVersionDoc, context: { cohort: string | null; now: Date }): TrialDoc {
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
      cohortMembership: context.cohort ? { [context.cohort]: { since: context.now, runId: version.runId } } : {},
      removed: false,
      removedAt: null,
      removedRunId: null,
      versions: [{ id: version._id, previousId: null, lastUpdatePostDate: version.lastUpdatePostDate, detectedAt: context.now, runId: version.runId }],
    };
  }

  private moveHead(version: TrialVersionDoc, head: TrialHead, now: Date) {
    const ref: VersionRef = {
      id: version._id,
      previousId: head.versionId,
      lastUpdatePostDate: version.lastUpdatePostDate,
      detectedAt: now,
      runId: version.runId,
    };
    return {
      $set: {
        trial: version.trial,
        versionId: version._id,
        contentHash: version.contentHash,
        lastUpdatePostDate: version.lastUpdatePostDate,
        lastChangedAt: now,
        lastRunId: version.runId,
        removed: false,
        removedAt: null,
        removedRunId: null,
      },
      $push: { versions: ref },
    };
  }

  /** A new trial whose insert collided: someone else inserted it, maybe with this very version. */
  private async settleFresh(version: TrialVersionDoc): Promise<ApplyOutcome> {
    const doc = await this.trials.findOne({ _id: version.nctId }, { projection: { versionId: 1, versions: 1 } });
    if (doc?.versions.length === 1 && doc.versionId === version._id && doc.versions[0]?.runId === version.runId) {
      return { kind: 'applied', previousId: null };
    }
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
