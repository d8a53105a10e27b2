import { describe, expect, it } from 'vitest';
import { indexStudyText, recordText } from './study-entry.js';

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
    const entry = indexStudyText('NCT00000042.json', JSON.stringify(study), identity);
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

  it('keeps a file that is not JSON under the id of its name', () => {
    expect(indexStudyText('nct00000007.json', '{"protocolSection": {', identity)).toMatchObject({
      id: 'NCT00000007',
      isStudy: false,
      status: null,
      match: null,
    });
  });

  it('keeps JSON that is not a study, named by its file stem when that is no NCT id', () => {
    expect(indexStudyText('notes.json', '"just a string"', identity)).toMatchObject({
      id: 'notes',
      isStudy: false,
    });
    expect(
      indexStudyText('x.json', '{"protocolSection":{"identificationModule":{}}}', identity).isStudy,
    ).toBe(false);
  });
});

describe('recordText', () => {
  it('holds every string value, never the keys', () => {
    const text = recordText(study);
    expect(text).toContain('four cycles of 7.4 gbq');
    expect(text).toContain('neuroendocrine tumors');
    expect(text).not.toContain('overallstatus');
  });
});
