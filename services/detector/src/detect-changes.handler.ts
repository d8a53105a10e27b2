import { diffTrials, eventId, type TrialChange } from '@trialwatch/domain';
import { maybeFinalizeRun, type PipelineContext } from '@trialwatch/pipeline';
import type { DetectChangesPayload, TrialTransition } from '@trialwatch/queues';
import type { EventDoc, TrialVersionDoc } from '@trialwatch/store';
import { fanOutDeliveries } from './fan-out-deliveries.js';

type PipelineEvent = Pick<EventDoc, 'type'> &
  Partial<Pick<EventDoc, 'field' | 'from' | 'to' | 'registryGenerated' | 'kind' | 'added' | 'removed'>>;

/**
 * Turn head transitions into typed, field-level events with deterministic ids: running this twice, or
 * running a whole sync twice, never duplicates an event.
 */
export async function handleDetectChanges(context: PipelineContext, payload: DetectChangesPayload): Promise<{ events: number }> {
  const { store } = context;
  const now = context.now();
  const versionIds = payload.transitions.flatMap((t) => [t.fromVersion, t.toVersion]).filter((id): id is string => id !== null);
  const versions = await store.versions.byIds(versionIds);
  const heads = await store.trials.heads(payload.transitions.map((t) => t.nctId));
  const docs: EventDoc[] = [];

  for (const transition of payload.transitions) {
    const from = transition.fromVersion ? versions.get(transition.fromVersion) : undefined;
    const to = transition.toVersion ? versions.get(transition.toVersion) : undefined;
    const events: PipelineEvent[] = [...trialEvents(transition, from, to)];
    for (const cohort of transition.enteredCohorts) {
      const enteredBy = await store.trials.enterCohort(transition.nctId, cohort, payload.runId, now);
      if (enteredBy === payload.runId) events.push({ type: 'cohort_entered', field: cohort, to: cohort });
    }
    for (const cohort of transition.leftCohorts) {
      if (await store.trials.leaveCohort(transition.nctId, cohort, payload.runId, now)) {
        events.push({ type: 'cohort_left', field: cohort, from: cohort });
      }
    }
    const reference = to ?? from;
    const cohorts = heads.get(transition.nctId)?.cohorts ?? [];
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
  if (!to) return [];
  if (!transition.fromVersion) return [{ type: 'trial_added', to: to.trial.overallStatus }];
  if (!from || from._id === to._id) return [];
  return diffTrials(from.trial, to.trial).map(toPipelineEvent);
}

function toPipelineEvent(change: TrialChange): PipelineEvent {
  return change as PipelineEvent;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
