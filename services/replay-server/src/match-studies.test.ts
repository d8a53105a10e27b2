import { describe, expect, it } from 'vitest';
import { matchStudies, textMatches } from './match-studies.js';
import { parseStudiesRequest } from './studies-request.js';
import { indexStudyFile, type StudyEntry } from './study-entry.js';

function study(nctId: string, status: string, date: string, intervention: string, summary: string) {
  return {
    protocolSection: {
      identificationModule: { nctId, briefTitle: `Trial ${nctId}` },
      statusModule: { overallStatus: status, lastUpdatePostDateStruct: { date, type: 'ACTUAL' } },
      descriptionModule: { briefSummary: summary },
      armsInterventionsModule: { interventions: [{ name: intervention }] },
    },
  };
}

const files: Record<string, Buffer> = Object.fromEntries(
  Object.entries({
    'NCT00000001.json': JSON.stringify(
      study('NCT00000001', 'RECRUITING', '2026-01-10', 'Lutathera', 'PRRT and CAPTEM'),
    ),
    'NCT00000002.json': JSON.stringify(
      study('NCT00000002', 'COMPLETED', '2025-06-01', 'Everolimus', 'mTOR inhibition'),
    ),
    'NCT00000003.json': JSON.stringify(
      study('NCT00000003', 'RECRUITING', '2024-02-02', 'Olaparib', 'PARP with PRRT'),
    ),
    'NCT00000004.json': '{"protocolSection": {"identificationModule": {"nctId": "NCT0000',
  }).map(([name, text]) => [name, Buffer.from(text, 'utf8')]),
);
const entries: StudyEntry[] = Object.entries(files).map(([name, bytes]) =>
  indexStudyFile(name, bytes, { size: bytes.length, mtimeMs: 0, ino: 0 }),
);
const read = (entry: StudyEntry) => files[entry.fileName] ?? null;
const ids = async (query: string) =>
  (await matchStudies(entries, parseStudiesRequest(new URLSearchParams(query), null), read)).map(
    (entry) => entry.id,
  );

describe('matchStudies', () => {
  it('matches everything without filters', async () => {
    expect(await ids('')).toEqual(['NCT00000001', 'NCT00000002', 'NCT00000003', 'NCT00000004']);
  });

  it('filters by status and date, keeping the file that is not a study', async () => {
    expect(await ids('filter.overallStatus=RECRUITING')).toEqual([
      'NCT00000001',
      'NCT00000003',
      'NCT00000004',
    ]);
    expect(await ids('filter.advanced=AREA[LastUpdatePostDate]RANGE[2025-01-01,MAX]')).toEqual([
      'NCT00000001',
      'NCT00000002',
      'NCT00000004',
    ]);
  });

  it('matches filter.ids by nctId, and by file-name id for a file that is not a study', async () => {
    expect(await ids('filter.ids=NCT00000002|NCT00000004')).toEqual(['NCT00000002', 'NCT00000004']);
  });

  it('matches query.intr on intervention names and query.term anywhere in the values', async () => {
    expect(await ids('query.intr=olaparib OR EVEROLIMUS')).toEqual([
      'NCT00000002',
      'NCT00000003',
      'NCT00000004',
    ]);
    expect(await ids('query.term=prrt&filter.ids=NCT00000001,NCT00000002,NCT00000003')).toEqual([
      'NCT00000001',
      'NCT00000003',
    ]);
  });

  it('ANDs the parameters together', async () => {
    expect(await ids('query.term=prrt&filter.overallStatus=RECRUITING&query.intr=lutathera')).toEqual([
      'NCT00000001',
      'NCT00000004',
    ]);
  });
});

describe('textMatches', () => {
  it('does not match JSON keys', () => {
    const raw = files['NCT00000001.json'] ?? Buffer.alloc(0);
    expect(textMatches(raw, [{ kind: 'terms', scope: 'term', anyOf: ['briefsummary'] }])).toBe(false);
    expect(textMatches(raw, [{ kind: 'terms', scope: 'term', anyOf: ['prrt and captem'] }])).toBe(true);
  });

  it('matches non-ASCII terms in UTF-8 text and in \\u escapes', () => {
    const record = study(
      'NCT00000009',
      'RECRUITING',
      '2026-01-01',
      'Lutathera',
      'Patients ≥ 18 years, Sjögren excluded',
    );
    const utf8 = Buffer.from(JSON.stringify(record), 'utf8');
    const escaped = Buffer.from(
      JSON.stringify(record).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
    );
    for (const bytes of [utf8, escaped]) {
      expect(textMatches(bytes, [{ kind: 'terms', scope: 'term', anyOf: ['sjögren excluded'] }])).toBe(true);
      expect(textMatches(bytes, [{ kind: 'terms', scope: 'term', anyOf: ['≥ 18 years'] }])).toBe(true);
      expect(textMatches(bytes, [{ kind: 'terms', scope: 'term', anyOf: ['sjogren'] }])).toBe(false);
    }
  });
});
