import {
  AGENT_IDS,
  COMBINATION_CATEGORIES,
  type AgentId,
  type Arm,
  type CombinationCategory,
  type Intervention,
  type PrrtClassification,
} from '../trial.schema.js';
import { nameKey } from '../name-key.js';
import { readName, type NameFacts } from './name-facts.js';
import { DEFAULT_PRRT_AGENT, GENERIC_PRRT_BY_ISOTOPE, type Isotope } from './vocabulary.js';

export interface ClassifyPrrtInput {
  interventions: readonly Intervention[];
  arms: readonly Arm[];
  briefTitle?: string | null;
  officialTitle?: string | null;
}

/** One place a treatment is named: an intervention (name + other names), an arm label, an unmatched name. */
interface Source {
  /** Radioligands named with their agent. */
  radioligands: ReadonlySet<AgentId>;
  /** "PRRT" named without its agent: the isotope given, if any (resolved per arm, see resolveGeneric). */
  generic: ReadonlyArray<Isotope | null>;
  microspheres: ReadonlySet<AgentId>;
  partners: ReadonlyMap<string, CombinationCategory>;
  neoadjuvant: boolean;
  /** Names two or more radioligands only as alternatives ("A or B", synonyms of one intervention). */
  choice: boolean;
}

const AGENT_ORDER = new Map<AgentId, number>(AGENT_IDS.map((agent, index) => [agent, index]));
const byAgentOrder = (a: AgentId, b: AgentId) => (AGENT_ORDER.get(a) ?? 0) - (AGENT_ORDER.get(b) ?? 0);

/**
 * Classifies a trial's PRRT: the radioligands it gives, and whether PRRT is combined with a partner.
 *
 * A combination is a property of an arm: the radioligand and the partner given to the same patients. An
 * intervention belongs to an arm through its `armGroupLabels` or the arm's `interventionNames` (either way).
 * A comparator arm does not make a combination (PRRT in one arm, CAPTEM in another: isCombination false).
 * With at most one arm (or none: arms also come from the labels interventions name) the study is read as
 * one arm, a single-group study; with several arms, an intervention linked to none stands alone.
 *
 * "PRRT" named without its agent ("PRRT + capecitabine", "177Lu-PRRT") adds an agent only to an arm that
 * names none: the study's own radioligand (matching the isotope, if given), else the one the titles name,
 * else the isotope's usual agent, else the standard [177Lu]Lu-DOTATATE.
 *
 * `agents` lists every radioligand of the arms, plus radioembolization microspheres when the trial also gives
 * a radioligand (microspheres alone are not PRRT). Categories follow COMBINATION_CATEGORIES order; partners
 * are sorted.
 */
export function classifyPrrt(input: ClassifyPrrtInput): PrrtClassification {
  const cache = new Map<string, NameFacts>();
  const read = (text: string): NameFacts => {
    let facts = cache.get(text);
    if (!facts) {
      facts = readName(text);
      cache.set(text, facts);
    }
    return facts;
  };
  const groups = groupByArm(input.interventions, input.arms, (texts) => sourceOf(texts.map(read)));
  const named = new Set<AgentId>();
  for (const group of groups)
    for (const source of group) for (const agent of source.radioligands) named.add(agent);
  const resolveGeneric = genericResolver([...named].sort(byAgentOrder), () =>
    [input.briefTitle, input.officialTitle].flatMap((title) => (title ? read(title).radioligands : [])),
  );

  const agents = new Set<AgentId>();
  const microspheres = new Set<AgentId>();
  const categories = new Set<CombinationCategory>();
  const partners = new Set<string>();
  for (const group of groups) {
    const radioligands = new Set<AgentId>();
    for (const source of group) {
      for (const agent of source.radioligands) radioligands.add(agent);
      for (const agent of source.microspheres) microspheres.add(agent);
    }
    if (radioligands.size === 0) {
      for (const source of group) {
        for (const isotope of source.generic) {
          const agent = resolveGeneric(isotope);
          if (agent) radioligands.add(agent);
        }
      }
    }
    for (const agent of radioligands) agents.add(agent);
    for (const [name, category] of combinationOf(group, radioligands)) {
      categories.add(category);
      partners.add(name);
    }
  }
  if (agents.size > 0) for (const agent of microspheres) agents.add(agent);
  return {
    agents: [...agents].sort(byAgentOrder),
    combination: {
      isCombination: categories.size > 0,
      categories: COMBINATION_CATEGORIES.filter((category) => categories.has(category)),
      partners: [...partners].sort(),
    },
  };
}

/** What one place names, from the facts of its names (an intervention's name and other names are synonyms). */
function sourceOf(names: readonly NameFacts[]): Source {
  const radioligands = new Set<AgentId>();
  const generic: Array<Isotope | null> = [];
  const microspheres = new Set<AgentId>();
  const partners = new Map<string, CombinationCategory>();
  let neoadjuvant = false;
  let combinedInOneName = false;
  for (const facts of names) {
    for (const agent of facts.radioligands) radioligands.add(agent);
    if (facts.genericPrrt) generic.push(facts.genericPrrt.isotope);
    for (const agent of facts.microspheres) microspheres.add(agent);
    for (const { name, category } of facts.partners) partners.set(name, category);
    neoadjuvant ||= facts.neoadjuvant;
    if (facts.radioligands.length >= 2 && !facts.alternatives) combinedInOneName = true;
  }
  const choice = radioligands.size >= 2 && !combinedInOneName;
  return { radioligands, generic, microspheres, partners, neoadjuvant, choice };
}

/** The agent an unqualified "PRRT" stands for (see classifyPrrt); titles are read only if needed. */
function genericResolver(studyAgents: readonly AgentId[], titleAgents: () => AgentId[]) {
  let fromTitles: AgentId[] | null = null;
  return (isotope: Isotope | null): AgentId | null => {
    const fits = (agent: AgentId) => isotope === null || agent.startsWith(isotope);
    const inStudy = studyAgents.find(fits);
    if (inStudy) return inStudy;
    fromTitles ??= titleAgents();
    const inTitles = fromTitles.find(fits);
    if (inTitles) return inTitles;
    return isotope === null ? DEFAULT_PRRT_AGENT : (GENERIC_PRRT_BY_ISOTOPE[isotope] ?? null);
  };
}

/** The partners given with a radioligand in one arm (empty when the arm gives no radioligand). */
function combinationOf(
  arm: readonly Source[],
  radioligands: ReadonlySet<AgentId>,
): Map<string, CombinationCategory> {
  const partners = new Map<string, CombinationCategory>();
  if (radioligands.size === 0) return partners;
  for (const source of arm) {
    for (const [name, category] of source.partners) partners.set(name, category);
    for (const agent of source.microspheres) partners.set(agent, 'radioembolization');
    if (source.neoadjuvant) partners.set('surgery', 'neoadjuvant-surgery');
  }
  const isChoice = arm.some(
    (source) => source.choice && [...radioligands].every((agent) => source.radioligands.has(agent)),
  );
  if (radioligands.size >= 2 && !isChoice) {
    // Double PRRT: the first radioligand (agent id order) is the PRRT, the others its partners.
    const [, ...others] = [...radioligands].sort(byAgentOrder);
    for (const agent of others) partners.set(agent, 'double-prrt');
  }
  return partners;
}

/** "Drug: Lutathera" → "Lutathera": an arm's intervention names carry the type as a prefix. */
const stripTypePrefix = (name: string) => {
  const colon = name.indexOf(': ');
  return colon === -1 ? name : name.slice(colon + 2);
};

/**
 * The sources of each arm. Arms come from the arm groups and from the labels interventions name. With at
 * most one arm, everything is that arm. With several, an intervention linked to none stands alone: which
 * patients get it is unknown, so it makes no combination.
 */
function groupByArm(
  interventions: readonly Intervention[],
  arms: readonly Arm[],
  sourceOf: (texts: readonly string[]) => Source,
): Source[][] {
  const byName = new Map<string, number>();
  interventions.forEach((intervention, index) => byName.set(nameKey(intervention.name), index));
  const interventionSources = interventions.map((i) => sourceOf([i.name, ...i.otherNames]));
  const groups = new Map<string, { sources: Source[]; members: Set<number> }>();
  const groupOf = (label: string) => {
    const key = nameKey(label);
    let group = groups.get(key);
    if (!group) {
      group = { sources: [], members: new Set() };
      groups.set(key, group);
    }
    return group;
  };
  for (const arm of arms) {
    const group = groupOf(arm.label);
    group.sources.push(sourceOf([arm.label]));
    for (const name of arm.interventionNames) {
      const index = byName.get(nameKey(stripTypePrefix(name))) ?? byName.get(nameKey(name));
      if (index === undefined) group.sources.push(sourceOf([name]));
      else group.members.add(index);
    }
  }
  interventions.forEach((intervention, index) => {
    for (const label of intervention.armGroupLabels) groupOf(label).members.add(index);
  });
  if (groups.size <= 1) {
    // A single-group study (or one without arms): one arm holding everything.
    return [[...[...groups.values()].flatMap((group) => group.sources), ...interventionSources]];
  }
  const linked = new Set<number>();
  const result = [...groups.values()].map((group) => {
    for (const index of group.members) linked.add(index);
    return [...group.sources, ...[...group.members].map((index) => interventionSources[index] as Source)];
  });
  interventionSources.forEach((source, index) => {
    if (!linked.has(index)) result.push([source]);
  });
  return result;
}
