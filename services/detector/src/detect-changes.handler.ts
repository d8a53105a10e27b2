import { diffTrials, eventId, type TrialChange } from '@trialwatch/domain';
import { maybeFinalizeRun, type PipelineContext } from '@trialwatch/pipeline';
import type { DetectChangesPayload, TrialTransition } from '@trialwatch/queues';
import type { EventDoc, TrialVersionDoc } from '@trialwatch/store';
import type { Trial } from '@trialwatch/domain';
import { fanOutDeliveries } from './fan-out-deliveries.js';

type PipelineEvent = Pick<EventDoc, 'type'> &
  Partial<Pick<EventDoc, 'field' | 'from' | 'to' | 'registryGenerated' | 'kind' | 'added' | 'removed'>>;

/**
 * Turn head transitions into typed, field-level events with deterministic ids: running this twice, or
 * running a whole sync twice, never duplicates an event.
 */
export async function handleDetectChanges(
  context: PipelineContext,
  payload: DetectChangesPayload,
): Promise<{ events: number }> {
  const { store } = context;
  const now = context.now();
  const versions = await loadVersions(context, payload);
  const heads = await context.heads.get(payload.transitions.map((t) => t.nctId));
  const docs: EventDoc[] = [];

  for (const transition of payload.transitions) {
    const from = transition.fromVersion ? versions.get(transition.fromVersion) : undefined;
    const to = transition.toVersion ? versions.get(transition.toVersion) : undefined;
    const events: PipelineEvent[] = [...trialEvents(transition, from, to)];
    const head = heads.get(transition.nctId);
    for (const cohort of transition.enteredCohorts) {
      const enteredBy = await store.trials.enterCohort(transition.nctId, cohort, payload.runId, now);
      if (enteredBy === payload.runId) events.push({ type: 'cohort_entered', field: cohort, to: cohort });
      if (head && !head.cohorts.includes(cohort)) head.cohorts = [...head.cohorts, cohort];
    }
    for (const cohort of transition.leftCohorts) {
      if (await store.trials.leaveCohort(transition.nctId, cohort, payload.runId, now)) {
        events.push({ type: 'cohort_left', field: cohort, from: cohort });
      }
      if (head) head.cohorts = head.cohorts.filter((member) => member !== cohort);
    }
    if (head && transition.removed) head.removed = true;
    const reference = to ?? from;
    const cohorts = head?.cohorts ?? [];
    for (const event of events) {
      const membership = event.type === 'cohort_entered' || event.type === 'cohort_left';
      docs.push({
        _id: eventId({
          nctId: transition.nctId,
          type: event.type,
          field: event.field ?? null,
          fromVersion: membership ? payload.runId : transition.fromVersion,
          toVersion: transition.toVersion,
        }),
        nctId: transition.nctId,
        ...definedOnly(event),
        type: event.type,
        detectedAt: now,
        runId: payload.runId,
        lastUpdatePostDate: reference?.lastUpdatePostDate ?? null,
        fromVersion: transition.fromVersion,
        toVersion: transition.toVersion,
        cohorts: [...new Set([...cohorts, ...transition.enteredCohorts])],
      });
    }
  }

  await store.events.insert(docs);
  await context.progress.addEvents(
    payload.runId,
    docs.map((doc) => doc._id),
  );
  const touched = payload.transitions.filter(
    (t) => t.enteredCohorts.length + t.leftCohorts.length > 0 || t.removed,
  );
  await context.heads.set(touched.map((t) => heads.get(t.nctId)).filter((head) => head !== undefined));
  await fanOutDeliveries(context, docs);
  await context.progress.recordDetected(payload.runId, payload.batchId, docs.length);
  await maybeFinalizeRun(context, payload.runId);
  return { events: docs.length };
}

function trialEvents(
  transition: TrialTransition,
  from: TrialVersionDoc | undefined,
  to: TrialVersionDoc | undefined,
): PipelineEvent[] {
  if (transition.removed) return [{ type: 'trial_removed', from: from?.trial.overallStatus ?? null }];
  // A cohort move without new content: its events are the cohort's, not the trial's.
  if (transition.fromVersion === transition.toVersion) return [];
  // A version neither in memory nor readable fails the job (retried, then dead-lettered): no event is lost
  // silently.
  if (!to) throw unreadableVersion(transition.toVersion, transition.nctId);
  if (!transition.fromVersion) return [{ type: 'trial_added', to: to.trial.overallStatus }];
  if (!from) throw unreadableVersion(transition.fromVersion, transition.nctId);
  return diffTrials(from.trial, to.trial).map(toPipelineEvent);
}

function unreadableVersion(versionId: string | null, nctId: string): Error {
  return new Error(`version ${String(versionId)} of ${nctId} could not be read`);
}

function toPipelineEvent(change: TrialChange): PipelineEvent {
  return change as PipelineEvent;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/**
 * The versions the transitions need: new ones from the normalizer's memory when it ran in this process,
 * anything else (older versions for real diffs and removals, a detector elsewhere, a retry) from the
 * database.
 */
async function loadVersions(
  context: PipelineContext,
  payload: DetectChangesPayload,
): Promise<Map<string, TrialVersionDoc>> {
  const toIds = payload.transitions.map((t) => t.toVersion).filter((id): id is string => id !== null);
  const local = context.staging.takeLocal(payload.runId, payload.batchId, 'trials');
  const staged = new Map(
    toIds.filter((id) => local?.decoded.has(id)).map((id) => [id, local?.decoded.get(id) as Trial]),
  );
  const versions = new Map<string, TrialVersionDoc>();
  for (const [id, trial] of staged) {
    const [nctId = ''] = id.split('@');
    versions.set(id, {
      _id: id,
      nctId,
      contentHash: trial.contentHash,
      trial,
      runId: payload.runId,
      lastUpdatePostDate: trial.lastUpdatePostDate,
      dataTimestamp: null,
      detectedAt: new Date(0),
    });
  }
  const needed = payload.transitions.flatMap((t) => {
    const ids: string[] = [];
    if (t.toVersion && !versions.has(t.toVersion)) ids.push(t.toVersion);
    if (t.fromVersion && t.fromVersion !== t.toVersion) ids.push(t.fromVersion);
    return ids;
  });
  for (const [id, version] of await context.store.versions.byIds(needed)) versions.set(id, version);
  return versions;
}
