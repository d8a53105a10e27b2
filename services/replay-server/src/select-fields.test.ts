import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from './invalid-parameter.error.js';
import { parseFields, selectFields } from './select-fields.js';

const record = {
  protocolSection: {
    identificationModule: { nctId: 'NCT00000001', briefTitle: 'A trial', acronym: 'AT' },
    statusModule: {
      overallStatus: 'RECRUITING',
      lastUpdatePostDateStruct: { date: '2026-01-02', type: 'ACTUAL' },
    },
    armsInterventionsModule: {
      interventions: [
        { type: 'DRUG', name: 'Lutathera', otherNames: ['177Lu-DOTATATE'] },
        { type: 'DRUG', name: 'Capecitabine' },
      ],
    },
  },
  derivedSection: { miscInfoModule: { versionHolder: '2026-01-02' } },
  hasResults: false,
};

describe('parseFields and selectFields', () => {
  it('keeps only the named pieces, nested as in the record', () => {
    const selection = parseFields(['NCTId', 'OverallStatus', 'LastUpdatePostDate', 'HasResults']);
    expect(selectFields(record, selection)).toEqual({
      protocolSection: {
        identificationModule: { nctId: 'NCT00000001' },
        statusModule: { overallStatus: 'RECRUITING', lastUpdatePostDateStruct: { date: '2026-01-02' } },
      },
      hasResults: false,
    });
  });

  it('takes dotted paths, whole subtrees included', () => {
    const selected = selectFields(record, parseFields(['protocolSection.statusModule', 'BriefTitle']));
    expect(selected).toEqual({
      protocolSection: {
        identificationModule: { briefTitle: 'A trial' },
        statusModule: record.protocolSection.statusModule,
      },
    });
  });

  it('reaches through arrays', () => {
    expect(selectFields(record, parseFields(['InterventionName']))).toEqual({
      protocolSection: {
        armsInterventionsModule: { interventions: [{ name: 'Lutathera' }, { name: 'Capecitabine' }] },
      },
    });
  });

  it('lets a whole section win over a piece inside it, in either order', () => {
    const expected = { protocolSection: record.protocolSection };
    expect(selectFields(record, parseFields(['ProtocolSection', 'NCTId']))).toEqual(expected);
    expect(selectFields(record, parseFields(['NCTId', 'ProtocolSection']))).toEqual(expected);
  });

  it('refuses an unknown piece name', () => {
    expect(() => parseFields(['NoSuchPiece'])).toThrow(InvalidParameterError);
    expect(() => parseFields(['protocolSection..x'])).toThrow(InvalidParameterError);
  });
});
