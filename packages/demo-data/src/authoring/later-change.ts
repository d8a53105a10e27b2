import type { PlantedChange } from '../planted-change.js';
import type { TrialSpec } from './study-spec.js';

/** What happened to one trial between April 2024 and today, and the events it should raise. */
export interface LaterChange {
  nctId: string;
  /** The events a change detector should report for this trial, and no others. */
  planted: PlantedChange[];
  apply: (spec: TrialSpec) => TrialSpec;
}

/** A sponsor's update: new verification month, submit and post dates. */
export function updated(posted: string, submitted: string): Partial<TrialSpec> {
  return { statusVerified: posted.slice(0, 7), lastUpdateSubmitted: submitted, lastUpdatePosted: posted };
}
