import type { InterventionType, SiteSpec, TrialSpec } from './study-spec.js';

/** Every reconstructed record's summary starts with this. */
export const RECONSTRUCTION_MARKER =
  "[Reconstructed by TrialWatch from a 2024 review; not the registry's record.]";

/** A record as the API serves it: JSON objects all the way down. */
export type StudyRecord = Record<string, unknown>;

const TYPE_LABELS: Record<InterventionType, string> = {
  DRUG: 'Drug',
  RADIATION: 'Radiation',
  PROCEDURE: 'Procedure',
  DEVICE: 'Device',
  BIOLOGICAL: 'Biological',
};

/** Site statuses as the registry keeps them: shown while a trial recruits (or was last known to). */
function siteStatus(spec: TrialSpec, site: SiteSpec): string | undefined {
  const trialStatus = spec.status === 'UNKNOWN' ? spec.lastKnownStatus : spec.status;
  if (trialStatus !== 'RECRUITING' && trialStatus !== 'NOT_YET_RECRUITING') return undefined;
  return site.status ?? trialStatus;
}

function statusModule(spec: TrialSpec): StudyRecord {
  return {
    statusVerifiedDate: spec.statusVerified,
    overallStatus: spec.status,
    ...(spec.lastKnownStatus === undefined ? {} : { lastKnownStatus: spec.lastKnownStatus }),
    ...(spec.whyStopped === undefined ? {} : { whyStopped: spec.whyStopped }),
    expandedAccessInfo: { hasExpandedAccess: false },
    startDateStruct: spec.startDate,
    primaryCompletionDateStruct: spec.primaryCompletionDate,
    completionDateStruct: spec.completionDate,
    studyFirstSubmitDate: spec.firstSubmitted,
    studyFirstSubmitQcDate: spec.firstSubmitted,
    studyFirstPostDateStruct: { date: spec.firstPosted, type: 'ACTUAL' },
    ...(spec.results === undefined
      ? {}
      : {
          resultsFirstSubmitDate: spec.results.firstSubmitted,
          resultsFirstSubmitQcDate: spec.results.firstSubmitted,
          resultsFirstPostDateStruct: { date: spec.results.firstPosted, type: 'ACTUAL' },
        }),
    lastUpdateSubmitDate: spec.lastUpdateSubmitted,
    lastUpdatePostDateStruct: { date: spec.lastUpdatePosted, type: 'ACTUAL' },
  };
}

function armsInterventionsModule(spec: TrialSpec): StudyRecord {
  return {
    armGroups: spec.arms.map((arm) => ({
      label: arm.label,
      type: arm.type,
      description: arm.description,
      interventionNames: spec.interventions
        .filter((intervention) => intervention.arms.includes(arm.label))
        .map((intervention) => `${TYPE_LABELS[intervention.type]}: ${intervention.name}`),
    })),
    interventions: spec.interventions.map((intervention) => ({
      type: intervention.type,
      name: intervention.name,
      description: intervention.description,
      armGroupLabels: intervention.arms,
      ...(intervention.otherNames === undefined ? {} : { otherNames: intervention.otherNames }),
    })),
  };
}

function resultsSection(spec: TrialSpec): StudyRecord | undefined {
  const results = spec.results;
  if (results === undefined) return undefined;
  const group = { id: 'FG000', title: results.groupTitle, description: results.groupDescription };
  const count = (groupId: string, value: number): StudyRecord => ({ groupId, numSubjects: String(value) });
  return {
    participantFlowModule: {
      groups: [group],
      periods: [
        {
          title: 'Overall Study',
          milestones: [
            { type: 'STARTED', achievements: [count('FG000', results.started)] },
            { type: 'COMPLETED', achievements: [count('FG000', results.completed)] },
            { type: 'NOT COMPLETED', achievements: [count('FG000', results.started - results.completed)] },
          ],
        },
      ],
    },
    outcomeMeasuresModule: {
      outcomeMeasures: [
        {
          type: 'PRIMARY',
          title: results.outcomeTitle,
          populationDescription: 'All participants who received at least one dose.',
          reportingStatus: 'POSTED',
          paramType: 'COUNT_OF_PARTICIPANTS',
          unitOfMeasure: results.outcomeUnit,
          timeFrame: results.outcomeTimeFrame,
          groups: [{ id: 'OG000', title: results.groupTitle, description: results.groupDescription }],
          denoms: [{ units: 'Participants', counts: [{ groupId: 'OG000', value: String(results.started) }] }],
          classes: [
            { categories: [{ measurements: [{ groupId: 'OG000', value: String(results.outcomeValue) }] }] },
          ],
        },
      ],
    },
  };
}

/** Writes one trial as the API v2 would serve it; `versionHolder` is the registry refresh it came from. */
export function buildStudy(spec: TrialSpec, versionHolder: string): StudyRecord {
  const results = resultsSection(spec);
  return {
    protocolSection: {
      identificationModule: {
        nctId: spec.nctId,
        orgStudyIdInfo: { id: spec.orgStudyId },
        organization: { fullName: spec.sponsor.name, class: spec.sponsor.class },
        briefTitle: spec.briefTitle,
        officialTitle: spec.officialTitle,
        ...(spec.acronym === undefined ? {} : { acronym: spec.acronym }),
      },
      statusModule: statusModule(spec),
      sponsorCollaboratorsModule: {
        responsibleParty: { type: 'SPONSOR' },
        leadSponsor: spec.sponsor,
        ...(spec.collaborators === undefined ? {} : { collaborators: spec.collaborators }),
      },
      oversightModule: { oversightHasDmc: true, isFdaRegulatedDrug: false, isFdaRegulatedDevice: false },
      descriptionModule: { briefSummary: `${RECONSTRUCTION_MARKER} ${spec.summary}` },
      conditionsModule: { conditions: spec.conditions, keywords: spec.keywords },
      designModule: {
        studyType: 'INTERVENTIONAL',
        phases: spec.phases,
        designInfo: {
          allocation: spec.allocation,
          interventionModel: spec.interventionModel,
          primaryPurpose: 'TREATMENT',
          maskingInfo: { masking: 'NONE' },
        },
        enrollmentInfo: spec.enrollment,
      },
      armsInterventionsModule: armsInterventionsModule(spec),
      outcomesModule: { primaryOutcomes: [spec.primaryOutcome] },
      eligibilityModule: {
        eligibilityCriteria:
          'Inclusion Criteria:\n\n* Histologically confirmed, somatostatin receptor-positive neuroendocrine tumour\n* Measurable disease (RECIST 1.1)\n* ECOG performance status 0-1\n\nExclusion Criteria:\n\n* Inadequate bone marrow, renal or liver function',
        healthyVolunteers: false,
        sex: 'ALL',
        minimumAge: '18 Years',
        stdAges: ['ADULT', 'OLDER_ADULT'],
      },
      contactsLocationsModule: {
        locations: spec.sites.map((site) => {
          const status = siteStatus(spec, site);
          return {
            facility: site.facility,
            ...(status === undefined ? {} : { status }),
            city: site.city,
            ...(site.state === undefined ? {} : { state: site.state }),
            ...(site.zip === undefined ? {} : { zip: site.zip }),
            country: site.country,
          };
        }),
      },
    },
    ...(results === undefined ? {} : { resultsSection: results }),
    derivedSection: { miscInfoModule: { versionHolder } },
    hasResults: results !== undefined,
  };
}
