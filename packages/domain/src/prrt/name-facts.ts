import type { AgentId, CombinationCategory } from '../trial.schema.js';
import { compactSpelling, foldTokens } from './fold-text.js';
import {
  AGENT_NAMES,
  ALTERNATIVE_WORDS,
  GENERIC_PRRT_SPELLINGS,
  IMAGING_WORDS,
  ISOTOPES,
  LIGANDS,
  MICROSPHERE_AGENTS,
  NEOADJUVANT_WORDS,
  NOT_VOCABULARY,
  PLACEBO_WORDS,
  THERAPY_WORDS,
  type Isotope,
  type LigandFamily,
} from './vocabulary.js';
import { PARTNERS } from './partner-vocabulary.js';

/** What one name (an intervention name, another name, an arm label, a title) says in PRRT terms. */
export interface NameFacts {
  /** Radioligands named (microspheres excluded), distinct, in order of appearance. */
  radioligands: AgentId[];
  /** Radioembolization microspheres named. */
  microspheres: AgentId[];
  /** PRRT named without its agent ("177Lu-PRRT", "PRRT"): the isotope given, if any. */
  genericPrrt: { isotope: Isotope | null } | null;
  /** Combination partners named (none in a placebo's name). */
  partners: ReadonlyArray<{ category: CombinationCategory; name: string }>;
  /** The name says the treatment comes before surgery (neoadjuvant, preoperative). */
  neoadjuvant: boolean;
  /** The name joins what it names with "or"/"versus": alternatives, not a combination. */
  alternatives: boolean;
}

type Term =
  | { kind: 'isotope'; isotope: Isotope }
  | { kind: 'ligand'; family: LigandFamily }
  | { kind: 'agent'; agent: AgentId; needsTherapyContext: boolean }
  | { kind: 'generic-prrt' }
  | { kind: 'partner'; category: CombinationCategory; names: readonly string[] }
  | { kind: 'word'; word: 'imaging' | 'therapy' | 'placebo' | 'alternative' | 'neoadjuvant' }
  | { kind: 'none' };

/** Compact spelling → term, and every prefix of a compact spelling (to stop scanning early). */
const TERMS = new Map<string, Term>();
const PREFIXES = new Set<string>();
let longestTerm = 1;

function addTerm(spelling: string, term: Term): void {
  const key = compactSpelling(spelling);
  const existing = TERMS.get(key);
  if (existing && JSON.stringify(existing) !== JSON.stringify(term)) {
    throw new Error(`PRRT vocabulary: "${spelling}" means two things (${key})`);
  }
  TERMS.set(key, term);
  for (let i = 1; i <= key.length; i++) PREFIXES.add(key.slice(0, i));
  longestTerm = Math.max(longestTerm, foldTokens(spelling).length);
}

for (const [isotope, { spellings }] of Object.entries(ISOTOPES)) {
  for (const spelling of spellings) addTerm(spelling, { kind: 'isotope', isotope: isotope as Isotope });
}
for (const [family, { spellings }] of Object.entries(LIGANDS)) {
  for (const spelling of spellings) addTerm(spelling, { kind: 'ligand', family: family as LigandFamily });
}
for (const { agent, spellings, needsTherapyContext } of AGENT_NAMES) {
  for (const spelling of spellings) {
    addTerm(spelling, { kind: 'agent', agent, needsTherapyContext: needsTherapyContext === true });
  }
}
for (const spelling of GENERIC_PRRT_SPELLINGS) addTerm(spelling, { kind: 'generic-prrt' });
for (const { category, partners, spellings } of PARTNERS) {
  for (const spelling of spellings) addTerm(spelling, { kind: 'partner', category, names: partners });
}
for (const spelling of IMAGING_WORDS) addTerm(spelling, { kind: 'word', word: 'imaging' });
for (const spelling of THERAPY_WORDS) addTerm(spelling, { kind: 'word', word: 'therapy' });
for (const spelling of PLACEBO_WORDS) addTerm(spelling, { kind: 'word', word: 'placebo' });
for (const spelling of ALTERNATIVE_WORDS) addTerm(spelling, { kind: 'word', word: 'alternative' });
for (const spelling of NEOADJUVANT_WORDS) addTerm(spelling, { kind: 'word', word: 'neoadjuvant' });
for (const spelling of NOT_VOCABULARY) addTerm(spelling, { kind: 'none' });

interface Match<T extends Term = Term> {
  term: T;
  start: number;
  end: number;
}

/** Longest vocabulary match starting at each token (matches may overlap). */
function matchTerms(tokens: readonly string[]): Match[] {
  const matches: Match[] = [];
  for (let start = 0; start < tokens.length; start++) {
    let compact = '';
    let best: Match | null = null;
    const stop = Math.min(tokens.length, start + longestTerm);
    for (let end = start; end < stop; end++) {
      compact += tokens[end] ?? '';
      if (!PREFIXES.has(compact)) break;
      const term = TERMS.get(compact);
      if (term) best = { term, start, end: end + 1 };
    }
    if (best) matches.push(best);
  }
  return matches;
}

/** The isotope closest to a ligand in the same name (before it on a tie), if any. */
function nearestIsotope(
  isotopes: ReadonlyArray<Match<Term & { kind: 'isotope' }>>,
  ligand: Match,
): Isotope | null {
  let best: Isotope | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const match of isotopes) {
    const distance = match.end <= ligand.start ? ligand.start - match.end : match.start - ligand.end + 0.5;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = match.term.isotope;
    }
  }
  return best;
}

const NO_FACTS: NameFacts = {
  radioligands: [],
  microspheres: [],
  genericPrrt: null,
  partners: [],
  neoadjuvant: false,
  alternatives: false,
};

/** Reads one name against the PRRT vocabulary. Pure and cheap: one scan of the folded tokens. */
export function readName(text: string): NameFacts {
  const matches = matchTerms(foldTokens(text));
  if (matches.length === 0) return NO_FACTS;
  const words = new Set<string>();
  const isotopes: Array<Match<Term & { kind: 'isotope' }>> = [];
  let generic = false;
  for (const match of matches) {
    if (match.term.kind === 'word') words.add(match.term.word);
    else if (match.term.kind === 'isotope') isotopes.push(match as Match<Term & { kind: 'isotope' }>);
    else if (match.term.kind === 'generic-prrt') generic = true;
  }
  const imaging = words.has('imaging');
  const therapy = words.has('therapy') || generic;
  const agents = new Set<AgentId>();
  const partners = new Map<string, CombinationCategory>();
  for (const match of matches) {
    const term = match.term;
    if (term.kind === 'ligand') {
      const agent = ligandAgent(term.family, nearestIsotope(isotopes, match), imaging);
      if (agent) agents.add(agent);
    } else if (term.kind === 'agent') {
      if (!term.needsTherapyContext || therapy) agents.add(term.agent);
    } else if (term.kind === 'partner' && !words.has('placebo')) {
      for (const name of term.names) partners.set(name, term.category);
    }
  }
  const radioligands = [...agents].filter((agent) => !MICROSPHERE_AGENTS.has(agent));
  const namedIsotope = isotopes.find((match) => ISOTOPES[match.term.isotope].use !== 'imaging');
  return {
    radioligands,
    microspheres: [...agents].filter((agent) => MICROSPHERE_AGENTS.has(agent)),
    genericPrrt:
      generic && radioligands.length === 0 ? { isotope: namedIsotope?.term.isotope ?? null } : null,
    partners: [...partners].map(([name, category]) => ({ category, name })),
    neoadjuvant: words.has('neoadjuvant'),
    alternatives: words.has('alternative'),
  };
}

function ligandAgent(family: LigandFamily, isotope: Isotope | null, imagingContext: boolean): AgentId | null {
  const ligand = LIGANDS[family];
  if (isotope === null) return imagingContext ? null : ligand.withoutIsotope;
  const use = ISOTOPES[isotope].use;
  if (use === 'imaging' || (use === 'therapy-unless-imaging' && imagingContext)) return null;
  return (ligand.isotopes as Partial<Record<Isotope, AgentId>>)[isotope] ?? null;
}
