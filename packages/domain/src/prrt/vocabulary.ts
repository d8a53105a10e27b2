import type { AgentId } from '../trial.schema.js';

/**
 * The PRRT vocabulary, as data. Spellings are matched after folding (fold-text.ts): case, brackets,
 * superscripts, hyphens and spaces do not matter, and letters and digits split ("177Lu" = "Lu 177"
 * reordered is listed separately: "177Lu" and "Lu-177"). Sources: /work/shared/domain/README.md, the seed
 * review (Curr Oncol Rep 2024) and registered trial titles.
 */

/** Isotopes, and what they are for: imaging isotopes turn a ligand into a diagnostic agent. */
export const ISOTOPES = {
  lu177: { use: 'therapy', spellings: ['177Lu', 'Lu-177', 'Lu', 'lutetium', 'lutetium-177'] },
  y90: { use: 'therapy', spellings: ['90Y', 'Y-90', 'yttrium', 'yttrium-90'] },
  i131: { use: 'therapy', spellings: ['131I', 'I-131', 'iodine-131'] },
  ac225: { use: 'therapy', spellings: ['225Ac', 'Ac-225', 'actinium', 'actinium-225'] },
  pb212: { use: 'therapy', spellings: ['212Pb', 'Pb-212', 'lead-212'] },
  ho166: { use: 'therapy', spellings: ['166Ho', 'Ho-166', 'holmium', 'holmium-166'] },
  /** 111In-pentetreotide was the first PRRT (1994) but is mostly the OctreoScan imaging agent. */
  in111: { use: 'therapy-unless-imaging', spellings: ['111In', 'In-111', 'indium', 'indium-111'] },
  ga68: { use: 'imaging', spellings: ['68Ga', 'Ga-68', 'Ga', 'gallium', 'gallium-68'] },
  cu64: { use: 'imaging', spellings: ['64Cu', 'Cu-64', 'Cu', 'copper-64'] },
  f18: { use: 'imaging', spellings: ['18F', 'F-18', 'fluorine-18'] },
  tc99m: { use: 'imaging', spellings: ['99mTc', 'Tc-99m', '99Tc', 'technetium'] },
  i123: { use: 'imaging', spellings: ['123I', 'I-123', 'iodine-123'] },
  i124: { use: 'imaging', spellings: ['124I', 'I-124'] },
  pb203: { use: 'imaging', spellings: ['203Pb', 'Pb-203'] },
  zr89: { use: 'imaging', spellings: ['89Zr', 'Zr-89'] },
} as const satisfies Record<
  string,
  { use: 'therapy' | 'therapy-unless-imaging' | 'imaging'; spellings: string[] }
>;
export type Isotope = keyof typeof ISOTOPES;

/**
 * Ligand families. `isotopes` gives the agent per isotope; `withoutIsotope` the agent when the name gives no
 * isotope (null: not an agent on its own), unless the name is about imaging (PET, scan...).
 */
export const LIGANDS = {
  dotatate: {
    spellings: ['DOTATATE', 'DOTA-TATE', 'octreotate', 'DOTA-octreotate', 'oxodotreotide'],
    isotopes: {
      lu177: 'lu177-dotatate',
      y90: 'y90-dotatoc',
      ac225: 'ac225-dotatate',
      pb212: 'pb212-dotamtate',
    },
    withoutIsotope: 'lu177-dotatate',
  },
  dotatoc: {
    spellings: ['DOTATOC', 'DOTA-TOC', 'edotreotide', 'DOTA-D-Phe1-Tyr3-octreotide', 'DOTA-Tyr3-octreotide'],
    isotopes: { lu177: 'lu177-dotatoc', y90: 'y90-dotatoc', ac225: 'ac225-dotatate' },
    withoutIsotope: 'lu177-dotatoc',
  },
  dotamtate: {
    // 212Pb-VMT-α-NET is another 212Pb SSTR2 agonist; pb212-dotamtate is the closest fixed agent id.
    spellings: ['DOTAMTATE', 'VMT-alpha-NET'],
    isotopes: { pb212: 'pb212-dotamtate' },
    withoutIsotope: 'pb212-dotamtate',
  },
  pentetreotide: {
    spellings: ['pentetreotide', 'DTPA-octreotide', 'DTPA0-octreotide', 'DTPA-D-Phe1-octreotide'],
    isotopes: { in111: 'in111-pentetreotide' },
    withoutIsotope: 'in111-pentetreotide',
  },
  /** Octreotide itself is the cold somatostatin analogue (octreotide LAR); only 111In makes it an agent. */
  octreotide: { spellings: ['octreotide'], isotopes: { in111: 'in111-pentetreotide' }, withoutIsotope: null },
  mibg: {
    spellings: ['MIBG', 'iobenguane', 'metaiodobenzylguanidine', 'iodobenzylguanidine'],
    isotopes: { i131: 'i131-mibg' },
    withoutIsotope: 'i131-mibg',
  },
  fapi: {
    spellings: ['FAPI', 'FAP-2286', 'FAP inhibitor', 'fibroblast activation protein inhibitor'],
    isotopes: { lu177: 'lu177-fapi' },
    withoutIsotope: 'lu177-fapi',
  },
  sstrAntagonist: {
    spellings: [
      'satoreotide',
      'JR11',
      'OPS201',
      'LM3',
      'SSTR antagonist',
      'SSTR2 antagonist',
      'somatostatin receptor antagonist',
    ],
    isotopes: { lu177: 'lu177-sstr-antagonist' },
    withoutIsotope: 'lu177-sstr-antagonist',
  },
  /** Bare microspheres may be drug-eluting beads (TACE): only an isotope makes them radioembolization. */
  microspheres: {
    spellings: ['microspheres', 'microsphere', 'spheres'],
    isotopes: { y90: 'y90-microspheres', ho166: 'ho166-microspheres' },
    withoutIsotope: null,
  },
  radioembolization: {
    spellings: [
      'radioembolization',
      'radioembolisation',
      'SIRT',
      'TARE',
      'selective internal radiation therapy',
      'selective internal radiotherapy',
      'TheraSphere',
      'SIR-Spheres',
      'SIR-Sphere',
    ],
    isotopes: { y90: 'y90-microspheres', ho166: 'ho166-microspheres' },
    withoutIsotope: 'y90-microspheres',
  },
} as const satisfies Record<
  string,
  { spellings: string[]; isotopes: Partial<Record<Isotope, AgentId>>; withoutIsotope: AgentId | null }
>;
export type LigandFamily = keyof typeof LIGANDS;

/** Brand names and codes that name one agent. `needsTherapyContext`: the brand is an imaging kit too. */
export const AGENT_NAMES: ReadonlyArray<{ agent: AgentId; spellings: string[]; needsTherapyContext?: true }> =
  [
    { agent: 'lu177-dotatate', spellings: ['Lutathera'] },
    { agent: 'lu177-dotatoc', spellings: ['ITM-11', 'Solucin'] },
    { agent: 'i131-mibg', spellings: ['Azedra'] },
    { agent: 'ac225-dotatate', spellings: ['RYZ101'] },
    { agent: 'pb212-dotamtate', spellings: ['AlphaMedix'] },
    { agent: 'ho166-microspheres', spellings: ['QuiremSpheres'] },
    { agent: 'in111-pentetreotide', spellings: ['OctreoScan'], needsTherapyContext: true },
  ];

/** Agents that are not radioligands: radioembolization devices, partners of PRRT rather than PRRT. */
export const MICROSPHERE_AGENTS: ReadonlySet<AgentId> = new Set(['y90-microspheres', 'ho166-microspheres']);

/** PRRT named without its agent; resolved from the isotope, then the titles, then the standard agent. */
export const GENERIC_PRRT_SPELLINGS = [
  'PRRT',
  'PRLT',
  'peptide receptor radionuclide therapy',
  'peptide receptor radionuclide',
  'peptide receptor radiotherapy',
  'peptide receptor radioligand therapy',
  'radiopeptide therapy',
];
export const GENERIC_PRRT_BY_ISOTOPE: Partial<Record<Isotope, AgentId>> = {
  lu177: 'lu177-dotatate',
  y90: 'y90-dotatoc',
  ac225: 'ac225-dotatate',
  pb212: 'pb212-dotamtate',
  in111: 'in111-pentetreotide',
};
/** The approved standard (NETTER-1): what an unqualified "PRRT" most likely is. */
export const DEFAULT_PRRT_AGENT: AgentId = 'lu177-dotatate';

/** Words that make a name diagnostic, and words that make it therapeutic. */
export const IMAGING_WORDS = [
  'PET',
  'SPECT',
  'scan',
  'scintigraphy',
  'imaging',
  'diagnostic',
  'tracer',
  'positron',
  'tomography',
  'NETSPOT',
  'Detectnet',
  'SomaKit',
  'trizoxetan',
  'OPS202',
];
export const THERAPY_WORDS = ['therapy', 'therapeutic', 'treatment'];
/** A name with these words is about a placebo: its drug names are not partners. */
export const PLACEBO_WORDS = ['placebo', 'sham'];
/** Between two agents in one name, these make them alternatives rather than a combination. */
export const ALTERNATIVE_WORDS = ['or', 'versus', 'vs'];
/** An arm with PRRT and one of these (label or interventions) is PRRT before surgery. */
export const NEOADJUVANT_WORDS = [
  'neoadjuvant',
  'neo-adjuvant',
  'preoperative',
  'pre-operative',
  'presurgical',
];

/** Spellings that look like vocabulary but are not (matched first, longest wins): SIRT1 is a gene. */
export const NOT_VOCABULARY = ['SIRT1', 'SIRT3', 'SIRT6'];
