/**
 * The facts of one reconstructed trial at one point in time, from which build-study.ts writes the record
 * in the ClinicalTrials.gov API v2 shape. Authoring types only: nothing outside packages/demo-data reads them.
 */

export type DateType = 'ACTUAL' | 'ESTIMATED';
export interface DateSpec {
  /** `yyyy-MM` or `yyyy-MM-dd`, as the registry prints it. */
  date: string;
  type: DateType;
}

export type OverallStatus =
  'ACTIVE_NOT_RECRUITING' | 'COMPLETED' | 'NOT_YET_RECRUITING' | 'RECRUITING' | 'TERMINATED' | 'UNKNOWN';

export type InterventionType = 'DRUG' | 'RADIATION' | 'PROCEDURE' | 'DEVICE' | 'BIOLOGICAL';

export interface InterventionSpec {
  type: InterventionType;
  name: string;
  description: string;
  otherNames?: string[];
  /** Labels of the arms that receive it. */
  arms: string[];
}

export interface ArmSpec {
  label: string;
  type: 'EXPERIMENTAL' | 'ACTIVE_COMPARATOR';
  description: string;
}

export interface SiteSpec {
  facility: string;
  city: string;
  state?: string;
  zip?: string;
  country: string;
  /** A site's own recruitment status, when it differs from the trial's. */
  status?: 'RECRUITING' | 'NOT_YET_RECRUITING';
}

export interface Organization {
  name: string;
  class: 'INDUSTRY' | 'NIH' | 'OTHER' | 'NETWORK';
}

/** A minimal results section: who started and finished, and one outcome. */
export interface ResultsSpec {
  firstSubmitted: string;
  firstPosted: string;
  groupTitle: string;
  groupDescription: string;
  started: number;
  completed: number;
  outcomeTitle: string;
  outcomeTimeFrame: string;
  outcomeUnit: string;
  outcomeValue: number;
}

export interface TrialSpec {
  nctId: string;
  orgStudyId: string;
  acronym?: string;
  briefTitle: string;
  officialTitle: string;
  sponsor: Organization;
  collaborators?: Organization[];
  /** The summary after the reconstruction marker. */
  summary: string;
  conditions: string[];
  keywords: string[];

  status: OverallStatus;
  lastKnownStatus?: 'RECRUITING' | 'ACTIVE_NOT_RECRUITING' | 'NOT_YET_RECRUITING';
  whyStopped?: string;
  statusVerified: string;
  startDate: DateSpec;
  primaryCompletionDate: DateSpec;
  completionDate: DateSpec;
  firstSubmitted: string;
  firstPosted: string;
  lastUpdateSubmitted: string;
  lastUpdatePosted: string;

  phases: Array<'PHASE1' | 'PHASE2' | 'PHASE3'>;
  allocation: 'RANDOMIZED' | 'NON_RANDOMIZED' | 'NA';
  interventionModel: 'SINGLE_GROUP' | 'PARALLEL' | 'SEQUENTIAL';
  enrollment: { count: number; type: DateType };
  arms: ArmSpec[];
  interventions: InterventionSpec[];
  primaryOutcome: { measure: string; timeFrame: string };
  sites: SiteSpec[];
  results?: ResultsSpec;
}
