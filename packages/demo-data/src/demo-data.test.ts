import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { table2TsvPath } from '../../../test/support/paths.js';
import { buildDemoData, nctIdOf } from './authoring/build-demo-data.js';
import { RECONSTRUCTION_MARKER } from './authoring/build-study.js';
import {
  DEMO_SNAPSHOTS,
  demoRecordsDir,
  demoSnapshotDir,
  plantedChangesPath,
  type PlantedChange,
} from './index.js';

interface Study {
  protocolSection: {
    identificationModule: { nctId: string };
    statusModule: {
      overallStatus: string;
      lastKnownStatus?: string;
      whyStopped?: string;
      startDateStruct: { date: string; type: string };
      primaryCompletionDateStruct: { date: string; type: string };
      completionDateStruct: { date: string; type: string };
      resultsFirstPostDateStruct?: { date: string };
      lastUpdatePostDateStruct: { date: string; type: string };
    };
    descriptionModule: { briefSummary: string };
    designModule: { phases: string[]; enrollmentInfo: { count: number; type: string } };
    armsInterventionsModule: {
      armGroups: Array<{ label: string; interventionNames: string[] }>;
      interventions: Array<{ type: string; name: string; armGroupLabels: string[] }>;
    };
    contactsLocationsModule: { locations: Array<{ facility: string; city: string; country: string }> };
  };
  derivedSection: { miscInfoModule: { versionHolder: string } };
  hasResults: boolean;
}

function readFolder(dir: string): Map<string, { file: string; text: string; study: Study }> {
  const entries = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      return [file.replace(/\.json$/, ''), { file, text, study: JSON.parse(text) as Study }] as const;
    });
  return new Map(entries);
}

const today = readFolder(demoRecordsDir);
const snapshot = readFolder(demoSnapshotDir('2024-04'));
const planted = JSON.parse(readFileSync(plantedChangesPath, 'utf8')) as PlantedChange[];
const table2Ids = readFileSync(table2TsvPath, 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => line.split('\t')[0]);

/** The record without the registry's refresh marker, for comparing two copies of a study. */
function withoutVersionHolder(study: Study): unknown {
  return { ...study, derivedSection: { miscInfoModule: {} } };
}

describe('demo records', () => {
  it('has 24 records in each of the two snapshots, for the same trials', () => {
    expect(DEMO_SNAPSHOTS).toEqual(['2024-04']);
    expect(today.size).toBe(24);
    expect([...snapshot.keys()].sort()).toEqual([...today.keys()].sort());
  });

  it("includes every one of Table 2's 19 trials and the five related trials", () => {
    expect(table2Ids).toHaveLength(19);
    for (const nctId of [
      ...table2Ids,
      'NCT01578239',
      'NCT03972488',
      'NCT03049189',
      'NCT04919226',
      'NCT05477576',
    ]) {
      expect(today.has(nctId ?? ''), String(nctId)).toBe(true);
    }
  });

  it('parses as JSON, is named after its nctId and is marked as reconstructed', () => {
    for (const [name, { study }] of [...today, ...snapshot]) {
      expect(name).toMatch(/^NCT\d{8}$/);
      expect(study.protocolSection.identificationModule.nctId).toBe(name);
      expect(
        study.protocolSection.descriptionModule.briefSummary.startsWith(RECONSTRUCTION_MARKER),
        name,
      ).toBe(true);
    }
  });

  it('shows the April 2024 registry: nothing posted after the review (10 April 2024)', () => {
    for (const [name, { study }] of snapshot) {
      expect(study.protocolSection.statusModule.lastUpdatePostDateStruct.date <= '2024-04-10', name).toBe(
        true,
      );
      expect(study.derivedSection.miscInfoModule.versionHolder).toBe('2024-04-10');
    }
  });

  it("carries today's statuses as seen by third parties", () => {
    const status = (nctId: string): string | undefined =>
      today.get(nctId)?.study.protocolSection.statusModule.overallStatus;
    expect(status('NCT05387603')).toBe('RECRUITING');
    expect(status('NCT04525638')).toBe('UNKNOWN');
    expect(today.get('NCT04525638')?.study.protocolSection.statusModule.lastKnownStatus).toBe('RECRUITING');
    expect(status('NCT04919226')).toBe('ACTIVE_NOT_RECRUITING');
    expect(status('NCT05477576')).toBe('RECRUITING');
  });

  it('lists each combination arm with the PRRT agent and its partner together', () => {
    const arm = (nctId: string, label: string): string[] | undefined =>
      today
        .get(nctId)
        ?.study.protocolSection.armsInterventionsModule.armGroups.find((group) => group.label === label)
        ?.interventionNames;
    expect(arm('NCT05870423', '[177Lu]Lu-DOTATATE + olaparib')).toEqual([
      'Radiation: [177Lu]Lu-DOTATATE',
      'Drug: Olaparib',
    ]);
    expect(arm('NCT04919226', '177Lu-edotreotide')).toEqual(['Drug: 177Lu-Edotreotide']);
  });

  it('is exactly what the authoring specs build (regenerate with `pnpm --filter @trialwatch/demo-data generate`)', () => {
    const built = buildDemoData();
    expect(Object.fromEntries(built.today.map((record) => [nctIdOf(record), record]))).toEqual(
      Object.fromEntries([...today].map(([nctId, { study }]) => [nctId, study])),
    );
    expect(Object.fromEntries(built.snapshot.map((record) => [nctIdOf(record), record]))).toEqual(
      Object.fromEntries([...snapshot].map(([nctId, { study }]) => [nctId, study])),
    );
    expect(built.planted).toEqual(planted);
  });
});

describe('planted changes', () => {
  const changedIds = new Set(planted.map((change) => change.nctId));

  it('leave at least 8 records unchanged except for the version holder', () => {
    const unchanged = [...today.keys()].filter((nctId) => !changedIds.has(nctId));
    expect(unchanged.length).toBeGreaterThanOrEqual(8);
    for (const nctId of unchanged) {
      const before = snapshot.get(nctId)?.study;
      const after = today.get(nctId)?.study;
      expect(after?.derivedSection.miscInfoModule.versionHolder).not.toBe(
        before?.derivedSection.miscInfoModule.versionHolder,
      );
      expect(after && withoutVersionHolder(after), nctId).toEqual(before && withoutVersionHolder(before));
    }
  });

  it('give every changed record a newer last update post date in 2024-2026', () => {
    expect(changedIds.size).toBeGreaterThanOrEqual(10);
    for (const nctId of changedIds) {
      const before =
        snapshot.get(nctId)?.study.protocolSection.statusModule.lastUpdatePostDateStruct.date ?? '';
      const after = today.get(nctId)?.study.protocolSection.statusModule.lastUpdatePostDateStruct.date ?? '';
      expect(after > before && after >= '2024-04-11' && after <= '2026-12-31', nctId).toBe(true);
    }
  });

  it('cover every kind of change and every kind of date change', () => {
    expect(new Set(planted.map((change) => change.type))).toEqual(
      new Set([
        'status_changed',
        'why_stopped_changed',
        'enrollment_changed',
        'date_changed',
        'phase_changed',
        'results_posted',
        'sites_changed',
        'countries_changed',
        'interventions_changed',
        'combination_changed',
      ]),
    );
    expect(new Set(planted.map((change) => change.kind).filter(Boolean))).toEqual(
      new Set(['slip', 'pull_in', 'refined', 'actualized']),
    );
  });

  it("state the records' values before and after", () => {
    for (const change of planted) {
      const before = snapshot.get(change.nctId)?.study.protocolSection;
      const after = today.get(change.nctId)?.study.protocolSection;
      if (before === undefined || after === undefined) throw new Error(`${change.nctId} has no records`);
      const label = `${change.nctId} ${change.type} ${change.field ?? ''}`;
      const sites = (p: Study['protocolSection']): string[] =>
        p.contactsLocationsModule.locations.map((site) => `${site.facility}, ${site.city}, ${site.country}`);
      const countries = (p: Study['protocolSection']): string[] =>
        [...new Set(p.contactsLocationsModule.locations.map((site) => site.country))].sort();
      const names = (p: Study['protocolSection']): string[] =>
        p.armsInterventionsModule.interventions.map((intervention) => intervention.name);
      switch (change.type) {
        case 'status_changed':
          expect([before.statusModule.overallStatus, after.statusModule.overallStatus], label).toEqual([
            change.from,
            change.to,
          ]);
          break;
        case 'why_stopped_changed':
          expect([before.statusModule.whyStopped ?? null, after.statusModule.whyStopped], label).toEqual([
            change.from,
            change.to,
          ]);
          break;
        case 'enrollment_changed':
          expect(
            [before.designModule.enrollmentInfo.count, after.designModule.enrollmentInfo.count],
            label,
          ).toEqual([change.from, change.to]);
          break;
        case 'phase_changed':
          expect([before.designModule.phases, after.designModule.phases], label).toEqual([
            change.from,
            change.to,
          ]);
          break;
        case 'date_changed': {
          const key = `${change.field ?? ''}Struct` as 'startDateStruct';
          expect([before.statusModule[key].date, after.statusModule[key].date], label).toEqual([
            change.from,
            change.to,
          ]);
          if (change.kind === 'actualized') expect(after.statusModule[key].type, label).toBe('ACTUAL');
          break;
        }
        case 'results_posted':
          expect(today.get(change.nctId)?.study.hasResults, label).toBe(true);
          expect(snapshot.get(change.nctId)?.study.hasResults, label).toBe(false);
          expect(after.statusModule.resultsFirstPostDateStruct?.date, label).toBe(change.to);
          break;
        case 'sites_changed':
          expect([sites(before), sites(after)], label).toEqual([change.from, change.to]);
          break;
        case 'countries_changed':
          expect([countries(before), countries(after)], label).toEqual([change.from, change.to]);
          break;
        case 'interventions_changed':
          expect([names(before), names(after)], label).toEqual([change.from, change.to]);
          break;
        case 'combination_changed':
          expect(names(after).length, label).toBeGreaterThan(names(before).length);
          break;
      }
    }
  });
});
