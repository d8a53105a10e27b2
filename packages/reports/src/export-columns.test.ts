import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventDoc } from '@trialwatch/store';
import { describe, expect, it } from 'vitest';
import { eventsExport, flattenValue, trialsExport, versionsExport } from './export-columns.js';
import { fixtureTrial, fixtureTrialDoc } from './trial-doc.fixture.js';

const exportsDoc = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/EXPORTS.md'),
  'utf8',
);

/** The column names a section of docs/EXPORTS.md lists, in order (table rows starting with a `name`). */
function documentedColumns(section: string): string[] {
  const start = exportsDoc.indexOf(`## ${section}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = exportsDoc.indexOf('\n## ', start + 1);
  const text = exportsDoc.slice(start, end < 0 ? undefined : end);
  return [...text.matchAll(/^\|\s*`([A-Za-z]+)`\s*\|/gm)].map((match) => match[1] ?? '');
}

describe('export columns', () => {
  it('are the ones docs/EXPORTS.md documents, in the same order', () => {
    expect(documentedColumns('Trials')).toEqual(trialsExport.columns.map((column) => column.name));
    expect(documentedColumns('Events')).toEqual(eventsExport.columns.map((column) => column.name));
    expect(documentedColumns('Versions')).toEqual(
      versionsExport.columns.slice(0, 3).map((column) => column.name),
    );
  });

  it('flatten a trial: lists stay lists for the CSV writer, dates as printed, enrollment as its count', () => {
    const doc = fixtureTrialDoc(
      fixtureTrial('NCT00000001', { phases: ['PHASE1', 'PHASE2'], countries: ['Italy', 'Spain'] }),
    );
    const record = trialsExport.toRecord(doc);
    const cells = Object.fromEntries(
      trialsExport.columns.map((column) => [column.name, column.value(record)]),
    );
    expect(cells).toMatchObject({
      nctId: 'NCT00000001',
      phases: ['PHASE1', 'PHASE2'],
      countries: ['Italy', 'Spain'],
      enrollmentCount: 40,
      enrollmentType: 'ESTIMATED',
      startDate: '2023-01',
      startDateType: 'ACTUAL',
      combinationCategories: ['targeted-therapy'],
      cohorts: ['prrt'],
      versionId: doc.versionId,
      lastChangedAt: '2024-04-12T02:00:00.000Z',
      removed: false,
    });
  });

  it('flatten event values: dates, enrollment, sites, lists', () => {
    expect(flattenValue({ raw: '2026-12', precision: 'month', type: 'ESTIMATED' })).toBe('2026-12');
    expect(flattenValue({ count: 36, type: 'ESTIMATED' })).toBe(36);
    expect(
      flattenValue([{ facility: 'Yale University', city: 'New Haven', country: 'United States' }]),
    ).toEqual(['Yale University, New Haven, United States']);
    expect(flattenValue(['PHASE1'])).toEqual(['PHASE1']);
    expect(flattenValue(null)).toBeNull();
    const event: EventDoc = {
      _id: 'e1',
      nctId: 'NCT00000001',
      type: 'enrollment_changed',
      from: { count: 24, type: 'ESTIMATED' },
      to: { count: 36, type: 'ESTIMATED' },
      detectedAt: new Date('2026-09-03T02:00:00Z'),
      runId: 'run_2',
      lastUpdatePostDate: '2026-08-01',
      fromVersion: 'a',
      toVersion: 'b',
      cohorts: ['prrt'],
    };
    const view = eventsExport.toRecord(event);
    expect(eventsExport.columns.map((column) => column.value(view))).toEqual([
      'e1',
      'NCT00000001',
      'enrollment_changed',
      undefined,
      24,
      36,
      undefined,
      undefined,
      null,
      null,
      '2026-09-03T02:00:00.000Z',
      'run_2',
      '2026-08-01',
    ]);
  });
});
