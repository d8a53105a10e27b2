// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import type { Arm, Intervention, PrrtClassification } from '../trial.schema.js';
import { classifyPrrt, type ClassifyPrrtInput } from './classify-prrt.js';

/** An intervention given in the arms labelled `labels`. */
function drug(name: string, labels: string[] = [], more: Partial<Intervention> = {}): Intervention {
  return { type: 'DRUG', name, otherNames: [], armGroupLabels: labels, ...more };
}
function arm(label: string, interventionNames: string[] = [], type = 'EXPERIMENTAL'): Arm {
  return { label, type, interventionNames };
}

const NONE: PrrtClassification['combination'] = { isCombination: false, categories: [], partners: [] };

describe('classifyPrrt: combinations are arm-level', () => {
  it('finds PRRT and a partner given in the same arm', () => {
    const result = classifyPrrt({
      interventions: [
        drug('Lutetium Lu 177 Dotatate', ['Lu + olaparib']),
        drug('Olaparib', ['Lu + olaparib']),
      ],
      arms: [arm('Lu + olaparib')],
    });
    expect(result).toEqual({
      agents: ['lu177-dotatate'],
      combination: { isCombination: true, categories: ['targeted-therapy'], partners: ['olaparib'] },
    });
  });

  it('COMPOSE-like: 177Lu-edotreotide versus CAPTEM, everolimus or FOLFOX is PRRT, not a combination', () => {
    const comparator = 'Best standard of care (CAPTEM, everolimus or FOLFOX)';
    const result = classifyPrrt({
      interventions: [
        drug('177Lu-Edotreotide', ['177Lu-edotreotide']),
        drug('Capecitabine', [comparator]),
        drug('Temozolomide', [comparator]),
        drug('Everolimus', [comparator]),
        drug('FOLFOX', [comparator]),
      ],
      arms: [arm('177Lu-edotreotide'), arm(comparator, [], 'ACTIVE_COMPARATOR')],
      officialTitle: 'Efficacy and Safety of 177Lu-edotreotide PRRT Versus Best Standard of Care',
    });
    expect(result).toEqual({ agents: ['lu177-dotatoc'], combination: NONE });
  });

  it('ACTION-1-like: 225Ac-DOTATATE versus standard of care is not a combination', () => {
    const result = classifyPrrt({
      interventions: [
        drug('RYZ101', [], { otherNames: ['225Ac-DOTATATE'] }),
        drug('Everolimus'),
        drug('Sunitinib Malate'),
        drug('Octreotide LAR'),
      ],
      arms: [
        arm('RYZ101', ['Drug: RYZ101']),
        arm('Standard of care', ['Drug: Everolimus', 'Drug: Sunitinib Malate', 'Drug: Octreotide LAR']),
      ],
    });
    expect(result).toEqual({ agents: ['ac225-dotatate'], combination: NONE });
  });

  it('NETTER-1-like: PRRT with octreotide LAR (a supportive somatostatin analogue) is not a combination', () => {
    const result = classifyPrrt({
      interventions: [
        drug('177Lu-DOTA0-Tyr3-Octreotate', ['Lutathera + Octreotide LAR 30 mg']),
        drug('Octreotide LAR', ['Lutathera + Octreotide LAR 30 mg', 'Octreotide LAR 60 mg']),
        drug('Amino acid infusion', ['Lutathera + Octreotide LAR 30 mg']),
      ],
      arms: [arm('Lutathera + Octreotide LAR 30 mg'), arm('Octreotide LAR 60 mg', [], 'ACTIVE_COMPARATOR')],
    });
    expect(result).toEqual({ agents: ['lu177-dotatate'], combination: NONE });
  });

  it('counts a partner in a placebo-controlled arm design once, from the experimental arm', () => {
    const result = classifyPrrt({
      interventions: [
        drug('[177Lu]Lu-DOTATATE', ['A', 'B']),
        drug('Olaparib', ['A']),
        drug('Placebo (matching olaparib)', ['B']),
      ],
      arms: [arm('A'), arm('B', [], 'PLACEBO_COMPARATOR')],
    });
    expect(result.combination).toEqual({
      isCombination: true,
      categories: ['targeted-therapy'],
      partners: ['olaparib'],
    });
  });

  it('links interventions to arms through the arm’s intervention names alone (type prefix, any case)', () => {
    const result = classifyPrrt({
      interventions: [drug('Lu-177-DOTATATE'), drug('Cabozantinib'), drug('Placebo')],
      arms: [
        arm('Combination', ['Drug: lu-177-dotatate', 'Drug: Cabozantinib']),
        arm('Control', ['Drug: Placebo']),
      ],
    });
    expect(result.combination.partners).toEqual(['cabozantinib']);
  });

  it('matches names and labels whatever their runs of spaces, as diffTrials compares interventions', () => {
    const result = classifyPrrt({
      interventions: [drug('Lu-177  DOTATATE', ['Arm  A']), drug('Cabozantinib', ['Arm A '])],
      arms: [arm('Arm A'), arm('Control', ['Drug: Placebo'])],
    });
    expect(result.combination.partners).toEqual(['cabozantinib']);
  });

  it('reads partners named in the arm label', () => {
    const result = classifyPrrt({
      interventions: [drug('Lutathera', ['177Lu-DOTATATE + nivolumab'])],
      arms: [arm('177Lu-DOTATATE + nivolumab')],
    });
    expect(result.combination).toEqual({
      isCombination: true,
      categories: ['immunotherapy'],
      partners: ['nivolumab'],
    });
  });

  it('reads a study without arms as one arm (single-group)', () => {
    const result = classifyPrrt({
      interventions: [drug('177Lu-DOTA-TATE'), drug('CAPTEM')],
      arms: [],
    });
    expect(result.combination).toEqual({
      isCombination: true,
      categories: ['chemotherapy'],
      partners: ['capecitabine', 'temozolomide'],
    });
  });

  it('with several arms, an intervention linked to no arm makes no combination', () => {
    const result = classifyPrrt({
      interventions: [drug('177Lu-DOTATATE', ['A']), drug('Nivolumab', ['B']), drug('Capecitabine')],
      arms: [arm('A'), arm('B')],
    });
    expect(result).toEqual({ agents: ['lu177-dotatate'], combination: NONE });
  });

  it('ignores the order of interventions and arms', () => {
    const input: ClassifyPrrtInput = {
      interventions: [drug('Pembrolizumab', ['X']), drug('90Y-DOTATOC', ['X']), drug('131I-MIBG', ['X'])],
      arms: [arm('X'), arm('Y')],
    };
    const reversed = { interventions: [...input.interventions].reverse(), arms: [...input.arms].reverse() };
    expect(classifyPrrt(reversed)).toEqual(classifyPrrt(input));
  });
});

describe('classifyPrrt: what is not PRRT', () => {
  it('a trial without a radioligand has no agents and no combination, whatever its partners', () => {
    expect(classifyPrrt({ interventions: [drug('Capecitabine'), drug('Temozolomide')], arms: [] })).toEqual({
      agents: [],
      combination: NONE,
    });
  });

  it('an imaging agent with a partner is not PRRT', () => {
    const result = classifyPrrt({
      interventions: [
        {
          type: 'DIAGNOSTIC_TEST',
          name: '68Ga-DOTATATE PET/CT',
          otherNames: ['NETSPOT'],
          armGroupLabels: [],
        },
        drug('Everolimus'),
      ],
      arms: [],
      briefTitle: 'Everolimus in NET selected by 68Ga-DOTATATE PET',
    });
    expect(result).toEqual({ agents: [], combination: NONE });
  });

  it('radioembolization alone is not PRRT', () => {
    const result = classifyPrrt({
      interventions: [{ ...drug('SIR-Spheres'), type: 'DEVICE' }, drug('Sorafenib')],
      arms: [],
    });
    expect(result).toEqual({ agents: [], combination: NONE });
  });
});

describe('classifyPrrt: PRRT named without its agent', () => {
  it('takes the agent from the titles', () => {
    const result = classifyPrrt({
      interventions: [drug('PRRT'), drug('Capecitabine')],
      arms: [],
      briefTitle: '177Lu-edotreotide With Capecitabine',
    });
    expect(result.agents).toEqual(['lu177-dotatoc']);
    expect(result.combination.partners).toEqual(['capecitabine']);
  });

  it('adds no agent to an arm that names its radioligand (no false double PRRT)', () => {
    const result = classifyPrrt({
      interventions: [
        drug('90Y-DOTATOC', ['PRRT + capecitabine']),
        drug('Capecitabine', ['PRRT + capecitabine']),
      ],
      arms: [arm('PRRT + capecitabine'), arm('Observation')],
    });
    expect(result).toEqual({
      agents: ['y90-dotatoc'],
      combination: { isCombination: true, categories: ['chemotherapy'], partners: ['capecitabine'] },
    });
  });

  it('takes the study’s own radioligand for an arm that only says PRRT', () => {
    const result = classifyPrrt({
      interventions: [drug('[177Lu]Lu-DOTA-TOC', ['Monotherapy']), drug('Olaparib', ['PRRT + olaparib'])],
      arms: [arm('Monotherapy'), arm('PRRT + olaparib')],
      briefTitle: '177Lu-DOTATATE and olaparib',
    });
    expect(result).toEqual({
      agents: ['lu177-dotatoc'],
      combination: { isCombination: true, categories: ['targeted-therapy'], partners: ['olaparib'] },
    });
  });

  it('takes the agent from the isotope, or the standard agent', () => {
    expect(classifyPrrt({ interventions: [drug('177Lu-PRRT')], arms: [] }).agents).toEqual([
      'lu177-dotatate',
    ]);
    expect(classifyPrrt({ interventions: [drug('Y-90 PRRT')], arms: [] }).agents).toEqual(['y90-dotatoc']);
    expect(
      classifyPrrt({ interventions: [drug('Peptide receptor radionuclide therapy')], arms: [] }).agents,
    ).toEqual(['lu177-dotatate']);
  });
});
