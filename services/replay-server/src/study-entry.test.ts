import { describe, expect, it } from 'vitest';
import { indexStudyFile, recordText } from './study-entry.js';

const identity = { size: 100, mtimeMs: 1, ino: 2 };
const study = {
  protocolSection: {
    identificationModule: {
      nctId: 'NCT00000042',
      nctIdAliases: ['NCT00000041'],
      briefTitle: 'PRRT With  Capecitabine',
      acronym: 'CAPRRT',
    },
    statusModule: {
      overallStatus: 'RECRUITING',
      lastUpdatePostDateStruct: { date: '2026-03-04', type: 'ACTUAL' },
    },
    sponsorCollaboratorsModule: {
      leadSponsor: { name: 'Some University' },
      collaborators: [{ name: 'ITM' }],
    },
    conditionsModule: { conditions: ['Neuroendocrine Tumors'], keywords: ['PRRT'] },
    armsInterventionsModule: {
      armGroups: [{ label: 'Lu-177 + CAP', interventionNames: ['Drug: Capecitabine'] }],
      interventions: [
        { name: 'Lutathera', otherNames: ['177Lu-DOTATATE'], description: 'Four cycles of 7.4 GBq' },
      ],
    },
  },
};

describe('indexStudyText', () => {
  it('keeps the id, aliases, status, date and normalized match texts of a study', () => {
    const entry = indexStudyFile('NCT00000042.json', Buffer.from(JSON.stringify(study)), identity);
    expect(entry).toMatchObject({
      fileName: 'NCT00000042.json',
      id: 'NCT00000042',
      isStudy: true,
      aliases: ['NCT00000041'],
      status: 'RECRUITING',
      lastUpdatePostDate: '2026-03-04',
      size: 100,
    });
    expect(entry.match?.titles).toContain('prrt with capecitabine');
    expect(entry.match?.intr).toContain('177lu-dotatate');
    expect(entry.match?.intr).toContain('four cycles of 7.4 gbq');
    expect(entry.match?.intr).toContain('lu-177 + cap');
    expect(entry.match?.cond.split('\n')).toEqual(['neuroendocrine tumors', 'prrt']);
    expect(entry.match?.spons.split('\n')).toEqual(['some university', 'itm']);
  });

  it('decodes non-ASCII match texts and reads a file with a UTF-8 byte order mark', () => {
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        JSON.stringify({
          ...study,
          protocolSection: {
            ...study.protocolSection,
            conditionsModule: { conditions: ['Sjögren Syndrome'] },
          },
        }),
        'utf8',
      ),
    ]);
    const entry = indexStudyFile('NCT00000042.json', withBom, identity);
    expect(entry.isStudy).toBe(true);
    expect(entry.match?.cond).toBe('sjögren syndrome');
  });

  it('keeps a file that is not JSON under the id of its name', () => {
    expect(indexStudyFile('nct00000007.json', Buffer.from('{"protocolSection": {'), identity)).toMatchObject({
      id: 'NCT00000007',
      isStudy: false,
      status: null,
      match: null,
    });
  });

  it('keeps JSON that is not a study, named by its file stem when that is no NCT id', () => {
    expect(indexStudyFile('notes.json', Buffer.from('"just a string"'), identity)).toMatchObject({
      id: 'notes',
      isStudy: false,
    });
    expect(
      indexStudyFile('x.json', Buffer.from('{"protocolSection":{"identificationModule":{}}}'), identity)
        .isStudy,
    ).toBe(false);
  });
});

describe('recordText', () => {
  it('holds every string value, never the keys', () => {
    const text = recordText(study, true);
    expect(text).toContain('four cycles of 7.4 gbq');
    expect(text).toContain('neuroendocrine tumors');
    expect(text).not.toContain('overallstatus');
  });
});
