import type { Trial } from '@trialwatch/domain';
import { newTrialDoc, type TrialDoc } from '@trialwatch/store';

/** A Trial for unit tests, written here (not a registry record): only what a test names differs. */
export function fixtureTrial(nctId: string, overrides: Partial<Trial> = {}): Trial {
  return {
    nctId,
    nctIdAliases: [],
    briefTitle: `Fixture trial ${nctId}`,
    officialTitle: null,
    acronym: null,
    overallStatus: 'RECRUITING',
    lastKnownStatus: null,
    whyStopped: null,
    statusVerifiedDate: null,
    studyType: 'INTERVENTIONAL',
    phases: ['PHASE2'],
    enrollment: { count: 40, type: 'ESTIMATED' },
    startDate: { raw: '2023-01', precision: 'month', type: 'ACTUAL' },
    primaryCompletionDate: null,
    completionDate: null,
    studyFirstPostDate: '2022-12-01',
    resultsFirstPostDate: null,
    lastUpdatePostDate: '2024-01-15',
    hasResults: false,
    leadSponsor: { name: 'Fixture Sponsor', class: 'OTHER' },
    collaborators: [],
    conditions: ['Neuroendocrine Tumors'],
    keywords: [],
    countries: ['Sweden'],
    locationCount: 1,
    sites: [],
    interventions: [],
    arms: [],
    prrt: {
      agents: ['lu177-dotatate'],
      combination: { isCombination: true, categories: ['targeted-therapy'], partners: ['olaparib'] },
    },
    contentHash: `hash-${nctId}`,
    ...overrides,
  };
}

/** The current-trial document the pipeline would store for `trial` (first seen in run_1, cohort prrt). */
export function fixtureTrialDoc(trial: Trial, overrides: Partial<TrialDoc> = {}): TrialDoc {
  const seen = new Date('2024-04-12T02:00:00Z');
  const version = {
    _id: `${trial.nctId}@${trial.contentHash}`,
    nctId: trial.nctId,
    contentHash: trial.contentHash,
    trial,
    runId: 'run_1',
    lastUpdatePostDate: trial.lastUpdatePostDate,
    dataTimestamp: null,
    detectedAt: seen,
  };
  return { ...newTrialDoc(version, { cohort: 'prrt', now: seen }), ...overrides };
}
