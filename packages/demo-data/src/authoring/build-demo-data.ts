import type { PlantedChange } from '../planted-change.js';
import { buildStudy, type StudyRecord } from './build-study.js';
import { LATER_CHANGES } from './later-changes.js';
import type { TrialSpec } from './study-spec.js';
import { CHEMOTHERAPY_TRIALS } from './trials-chemotherapy.js';
import { IMMUNO_DOUBLE_TRIALS } from './trials-immuno-double.js';
import { COMPARATOR_TRIALS } from './trials-comparators.js';
import { NETTER_TRIALS } from './trials-netter.js';
import { TARGETED_TRIALS_A } from './trials-targeted-a.js';
import { TARGETED_TRIALS_B } from './trials-targeted-b.js';
import { TARGETED_TRIALS_C } from './trials-targeted-c.js';

/** The registry refresh each set of records comes from (the review was published on 10 April 2024). */
export const SNAPSHOT_VERSION_HOLDER = '2024-04-10';
export const TODAY_VERSION_HOLDER = '2026-09-03';

/** All 24 trials as registered in April 2024: Table 2's 19 in the table's order, then 5 related trials. */
export const APRIL_2024_TRIALS: TrialSpec[] = [
  ...CHEMOTHERAPY_TRIALS,
  ...TARGETED_TRIALS_A,
  ...TARGETED_TRIALS_B,
  ...TARGETED_TRIALS_C,
  ...IMMUNO_DOUBLE_TRIALS,
  ...NETTER_TRIALS,
  ...COMPARATOR_TRIALS,
];

export interface DemoData {
  snapshot: StudyRecord[];
  today: StudyRecord[];
  planted: PlantedChange[];
}

/** Builds both sets of records and the planted-change list from the specs, in the same trial order. */
export function buildDemoData(): DemoData {
  const ids = new Set(APRIL_2024_TRIALS.map((spec) => spec.nctId));
  if (ids.size !== APRIL_2024_TRIALS.length) throw new Error('a trial is specified twice');
  const changes = new Map(LATER_CHANGES.map((change) => [change.nctId, change]));
  for (const nctId of changes.keys()) {
    if (!ids.has(nctId)) throw new Error(`a later change names ${nctId}, which is not a demo trial`);
  }
  if (changes.size !== LATER_CHANGES.length) throw new Error('a trial has two later-change entries');
  return {
    snapshot: APRIL_2024_TRIALS.map((spec) => buildStudy(spec, SNAPSHOT_VERSION_HOLDER)),
    today: APRIL_2024_TRIALS.map((spec) => {
      const change = changes.get(spec.nctId);
      return buildStudy(change === undefined ? spec : change.apply(spec), TODAY_VERSION_HOLDER);
    }),
    planted: APRIL_2024_TRIALS.flatMap((spec) => changes.get(spec.nctId)?.planted ?? []),
  };
}

/** A record's nctId (every built record has one). */
export function nctIdOf(record: StudyRecord): string {
  const protocol = record.protocolSection as { identificationModule: { nctId: string } };
  return protocol.identificationModule.nctId;
}
