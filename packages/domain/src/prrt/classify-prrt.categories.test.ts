// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import type { Arm, Intervention, PrrtClassification } from '../trial.schema.js';
import { classifyPrrt } from './classify-prrt.js';

/** An intervention given in the arms labelled `labels`. */
function drug(name: string, labels: string[] = [], more: Partial<Intervention> = {}): Intervention {
  return { type: 'DRUG', name, otherNames: [], armGroupLabels: labels, ...more };
}
function procedure(name: string, labels: string[] = []): Intervention {
  return { type: 'PROCEDURE', name, otherNames: [], armGroupLabels: labels };
}
function arm(label: string, interventionNames: string[] = [], type = 'EXPERIMENTAL'): Arm {
  return { label, type, interventionNames };
}

const NONE: PrrtClassification['combination'] = { isCombination: false, categories: [], partners: [] };

describe('classifyPrrt: categories', () => {
  it('double PRRT: 90Y-DOTATOC and 131I-MIBG in one arm', () => {
    const result = classifyPrrt({
      interventions: [drug('[90Y]Y-DOTATOC', ['Dual']), drug('131I-MIBG', ['Dual'])],
      arms: [arm('Dual')],
    });
    expect(result).toEqual({
      agents: ['y90-dotatoc', 'i131-mibg'],
      combination: { isCombination: true, categories: ['double-prrt'], partners: ['i131-mibg'] },
    });
  });

  it('double PRRT: 131I-MIBG + 177Lu-DOTATATE (SPORE-3-like), the second radioligand as partner', () => {
    const result = classifyPrrt({
      interventions: [
        drug('Iobenguane I-131', ['MIBG + Lu']),
        drug('Lutetium Lu 177 Dotatate', ['MIBG + Lu']),
      ],
      arms: [arm('MIBG + Lu')],
    });
    expect(result.agents).toEqual(['lu177-dotatate', 'i131-mibg']);
    expect(result.combination).toEqual({
      isCombination: true,
      categories: ['double-prrt'],
      partners: ['i131-mibg'],
    });
  });

  it('two radioligands in different arms are not double PRRT', () => {
    const result = classifyPrrt({
      interventions: [drug('177Lu-DOTATATE', ['Lu']), drug('90Y-DOTATOC', ['Y'])],
      arms: [arm('Lu'), arm('Y')],
    });
    expect(result).toEqual({ agents: ['lu177-dotatate', 'y90-dotatoc'], combination: NONE });
  });

  it('alternatives are not double PRRT: other names of one intervention, or an arm label with "or"', () => {
    const synonyms = classifyPrrt({
      interventions: [drug('PRRT', ['PRRT'], { otherNames: ['177Lu-DOTATATE', '90Y-DOTATOC'] })],
      arms: [arm('PRRT')],
    });
    expect(synonyms).toEqual({ agents: ['lu177-dotatate', 'y90-dotatoc'], combination: NONE });
    const either = classifyPrrt({
      interventions: [drug('177Lu-DOTATATE', ['177Lu-DOTATATE or 90Y-DOTATOC']), drug('90Y-DOTATOC')],
      arms: [arm('177Lu-DOTATATE or 90Y-DOTATOC', ['Drug: 90Y-DOTATOC'])],
    });
    expect(either.combination).toEqual(NONE);
  });

  it('neoadjuvant PRRT: PRRT followed by a surgical procedure in the same arm', () => {
    const result = classifyPrrt({
      interventions: [
        drug('[177Lu]Lu-DOTATATE', ['PRRT then surgery']),
        procedure('Pancreaticoduodenectomy or distal pancreatectomy', ['PRRT then surgery']),
      ],
      arms: [arm('PRRT then surgery')],
    });
    expect(result.combination).toEqual({
      isCombination: true,
      categories: ['neoadjuvant-surgery'],
      partners: ['surgery'],
    });
  });

  it('neoadjuvant PRRT: an arm labelled neoadjuvant', () => {
    const result = classifyPrrt({
      interventions: [drug('177Lu-DOTATATE', ['Neoadjuvant PRRT'])],
      arms: [arm('Neoadjuvant PRRT')],
    });
    expect(result.combination.categories).toEqual(['neoadjuvant-surgery']);
  });

  it('surgery in another arm than PRRT is not neoadjuvant PRRT', () => {
    const result = classifyPrrt({
      interventions: [drug('177Lu-DOTATATE', ['PRRT']), procedure('Surgical resection', ['Upfront surgery'])],
      arms: [arm('PRRT'), arm('Upfront surgery')],
    });
    expect(result.combination).toEqual(NONE);
  });

  it('NCT03457948-like: 177Lu-DOTATATE + 90Y microspheres + pembrolizumab → radioembolization + immunotherapy', () => {
    const label = 'Pembrolizumab + PRRT + radioembolization';
    const result = classifyPrrt({
      interventions: [
        drug('Pembrolizumab', [label]),
        drug('Lutetium Lu 177 Dotatate', [label]),
        {
          type: 'DEVICE',
          name: 'Yttrium-90 glass microspheres',
          otherNames: ['TheraSphere'],
          armGroupLabels: [label],
        },
      ],
      arms: [arm(label)],
    });
    expect(result).toEqual({
      agents: ['lu177-dotatate', 'y90-microspheres'],
      combination: {
        isCombination: true,
        categories: ['immunotherapy', 'radioembolization'],
        partners: ['pembrolizumab', 'y90-microspheres'],
      },
    });
  });

  it('holmium-166 radioembolization with PRRT', () => {
    const result = classifyPrrt({
      interventions: [drug('Lutathera'), { ...drug('QuiremSpheres'), type: 'DEVICE' }],
      arms: [],
    });
    expect(result.combination).toEqual({
      isCombination: true,
      categories: ['radioembolization'],
      partners: ['ho166-microspheres'],
    });
    expect(result.agents).toEqual(['lu177-dotatate', 'ho166-microspheres']);
  });

  it('lists several categories in their fixed order and partners sorted', () => {
    const result = classifyPrrt({
      interventions: [drug('Nivolumab'), drug('Capecitabine'), drug('Olaparib'), drug('177Lu-DOTATATE')],
      arms: [],
    });
    expect(result.combination).toEqual({
      isCombination: true,
      categories: ['chemotherapy', 'targeted-therapy', 'immunotherapy'],
      partners: ['capecitabine', 'nivolumab', 'olaparib'],
    });
  });
});
