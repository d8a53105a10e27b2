// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import type { AgentId } from '../trial.schema.js';
import { foldTokens } from './fold-text.js';
import { readName } from './name-facts.js';

describe('foldTokens', () => {
  it.each([
    ['[177Lu]Lu-DOTA-TATE', ['177', 'lu', 'lu', 'dota', 'tate']],
    ['[¹⁷⁷Lu]Lu-DOTATATE', ['177', 'lu', 'lu', 'dotatate']],
    ['Lu-177-DOTATATE', ['lu', '177', 'dotatate']],
    ['212Pb-VMT-α-NET', ['212', 'pb', 'vmt', 'alpha', 'net']],
    ['CAP+TEM', ['cap', 'plus', 'tem']],
    ['Édotréotide®', ['edotreotide']],
  ])('%s', (text, tokens) => {
    expect(foldTokens(text)).toEqual(tokens);
  });
});

describe('readName: every spelling to its agent', () => {
  it.each<[string, AgentId]>([
    ['Lutetium Lu 177 Dotatate', 'lu177-dotatate'],
    ['lutetium Lu 177 dotatate', 'lu177-dotatate'],
    ['177Lu-DOTA-TATE', 'lu177-dotatate'],
    ['Lu-177-DOTATATE', 'lu177-dotatate'],
    ['[177Lu]Lu-DOTATATE', 'lu177-dotatate'],
    ['[177Lu]Lu-DOTA-TATE', 'lu177-dotatate'],
    ['[¹⁷⁷Lu]Lu-DOTATATE', 'lu177-dotatate'],
    ['Lutathera', 'lu177-dotatate'],
    ['LUTATHERA®', 'lu177-dotatate'],
    ['oxodotreotide', 'lu177-dotatate'],
    ['Lutetium (177Lu) oxodotreotide', 'lu177-dotatate'],
    ['177Lu-octreotate', 'lu177-dotatate'],
    ['[177Lu-DOTA0,Tyr3]octreotate', 'lu177-dotatate'],
    ['177Lu-DOTA0-Tyr3-Octreotate', 'lu177-dotatate'],
    ['177Lu-HA-DOTATATE', 'lu177-dotatate'],
    ['177Lu-Edotreotide (Peptide Receptor Radionuclide Therapy) PRRT', 'lu177-dotatoc'],
    ['ITM-11', 'lu177-dotatoc'],
    ['n.c.a. 177Lu-edotreotide', 'lu177-dotatoc'],
    ['[177Lu]Lu-DOTA-TOC', 'lu177-dotatoc'],
    ['177Lu-DOTATOC', 'lu177-dotatoc'],
    ['90Y-DOTATOC', 'y90-dotatoc'],
    ['[90Y]Y-DOTATOC', 'y90-dotatoc'],
    ['Yttrium-90 DOTATOC', 'y90-dotatoc'],
    ['90Y-DOTA-D-Phe1-Tyr3-octreotide', 'y90-dotatoc'],
    ['131I-MIBG', 'i131-mibg'],
    ['[131I]I-MIBG', 'i131-mibg'],
    ['iobenguane I-131', 'i131-mibg'],
    ['Iobenguane I 131', 'i131-mibg'],
    ['Azedra', 'i131-mibg'],
    ['RYZ101', 'ac225-dotatate'],
    ['225Ac-DOTATATE', 'ac225-dotatate'],
    ['[225Ac]Ac-DOTA-TATE', 'ac225-dotatate'],
    ['212Pb-DOTAMTATE', 'pb212-dotamtate'],
    ['AlphaMedix', 'pb212-dotamtate'],
    ['111In-pentetreotide', 'in111-pentetreotide'],
    ['[111In]In-pentetreotide', 'in111-pentetreotide'],
    ['OctreoScan therapy', 'in111-pentetreotide'],
    ['177Lu-FAPI-46', 'lu177-fapi'],
    ['177Lu-FAP-2286', 'lu177-fapi'],
    ['177Lu-satoreotide tetraxetan', 'lu177-sstr-antagonist'],
    ['177Lu-DOTA-JR11', 'lu177-sstr-antagonist'],
    ['177Lu-OPS201', 'lu177-sstr-antagonist'],
    ['[177Lu]Lu-DOTA-LM3', 'lu177-sstr-antagonist'],
  ])('%s → %s', (name, agent) => {
    const facts = readName(name);
    expect(facts.radioligands).toEqual([agent]);
    expect(facts.microspheres).toEqual([]);
  });

  it.each<[string, AgentId]>([
    ['TheraSphere', 'y90-microspheres'],
    ['SIR-Spheres', 'y90-microspheres'],
    ['Yttrium-90 glass microspheres', 'y90-microspheres'],
    ['Y-90 resin microspheres', 'y90-microspheres'],
    ['Selective internal radiation therapy (SIRT)', 'y90-microspheres'],
    ['Transarterial radioembolization (TARE)', 'y90-microspheres'],
    ['QuiremSpheres', 'ho166-microspheres'],
    ['Holmium-166 microspheres', 'ho166-microspheres'],
    ['166Ho radioembolization', 'ho166-microspheres'],
  ])('%s → %s (radioembolization, not a radioligand)', (name, agent) => {
    const facts = readName(name);
    expect(facts.microspheres).toEqual([agent]);
    expect(facts.radioligands).toEqual([]);
  });
});

describe('readName: what is not a therapy radioligand', () => {
  it.each([
    '68Ga-DOTATATE PET',
    '[68Ga]Ga-DOTA-TATE PET/CT',
    'Gallium Ga 68-DOTATATE',
    'Ga-68 DOTATOC',
    '68Ga-DOTA-TOC PET/CT',
    '64Cu-DOTATATE',
    'Copper Cu 64 Dotatate',
    'Detectnet',
    'NETSPOT',
    'SomaKit TOC',
    '68Ga-satoreotide trizoxetan (OPS202)',
    '68Ga-FAPI-46 PET',
    '18F-FDG PET/CT',
    'DOTATATE PET/CT',
    '123I-MIBG scintigraphy',
    '111In-pentetreotide scintigraphy',
    'OctreoScan',
    'Octreotide LAR',
    'Lanreotide',
    'capecitabine',
    '177Lu-PSMA-617',
    'Drug-eluting microspheres',
    'SIRT1 activator',
    'Day 90 follow-up',
    'Y-27632',
  ])('%s', (name) => {
    const facts = readName(name);
    expect(facts.radioligands).toEqual([]);
    expect(facts.microspheres).toEqual([]);
    expect(facts.genericPrrt).toBeNull();
  });
});

describe('readName: partners, generic PRRT and wording', () => {
  it('names partners canonically, CAPTEM as its two drugs', () => {
    expect(readName('CAPTEM').partners).toEqual([
      { category: 'chemotherapy', name: 'capecitabine' },
      { category: 'chemotherapy', name: 'temozolomide' },
    ]);
    expect(readName('Sunitinib Malate').partners).toEqual([
      { category: 'targeted-therapy', name: 'sunitinib' },
    ]);
    expect(readName('M3814').partners).toEqual([{ category: 'targeted-therapy', name: 'peposertib' }]);
    expect(readName('Decitabine and cedazuridine (ASTX727)').partners).toEqual([
      { category: 'targeted-therapy', name: 'astx727' },
    ]);
    expect(readName('Telotristat Ethyl').partners).toEqual([
      { category: 'targeted-therapy', name: 'telotristat' },
    ]);
    expect(readName('MK-3475').partners).toEqual([{ category: 'immunotherapy', name: 'pembrolizumab' }]);
    expect(readName('Pancreaticoduodenectomy').partners).toEqual([
      { category: 'neoadjuvant-surgery', name: 'surgery' },
    ]);
  });

  it('ignores the drugs a placebo is named after', () => {
    expect(readName('Placebo for olaparib').partners).toEqual([]);
  });

  it('reads PRRT named without its agent, with the isotope when given', () => {
    expect(readName('PRRT').genericPrrt).toEqual({ isotope: null });
    expect(readName('177Lu-PRRT').genericPrrt).toEqual({ isotope: 'lu177' });
    expect(readName('Peptide receptor radionuclide therapy').genericPrrt).toEqual({ isotope: null });
    expect(readName('177Lu-DOTATATE PRRT').genericPrrt).toBeNull();
  });

  it('notices neoadjuvant wording and alternatives', () => {
    expect(readName('Neoadjuvant PRRT').neoadjuvant).toBe(true);
    expect(readName('Pre-operative 177Lu-DOTATATE').neoadjuvant).toBe(true);
    const either = readName('177Lu-DOTATATE or 90Y-DOTATOC');
    expect(either.radioligands).toEqual(['lu177-dotatate', 'y90-dotatoc']);
    expect(either.alternatives).toBe(true);
    const both = readName('90Y-DOTATOC + 131I-MIBG');
    expect(both.radioligands).toEqual(['y90-dotatoc', 'i131-mibg']);
    expect(both.alternatives).toBe(false);
  });

  it('pairs each ligand with its own isotope in a name that mentions imaging and therapy', () => {
    expect(readName('68Ga-DOTATATE PET followed by 177Lu-DOTATATE').radioligands).toEqual(['lu177-dotatate']);
  });
});
