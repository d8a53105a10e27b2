import type { AgentId, CombinationCategory } from '@trialwatch/domain';

export const CATEGORY_LABELS: Record<CombinationCategory | 'none', string> = {
  chemotherapy: 'Chemotherapy',
  'targeted-therapy': 'Targeted therapy',
  immunotherapy: 'Immunotherapy',
  radioembolization: 'Radioembolization',
  'double-prrt': 'Double PRRT',
  'neoadjuvant-surgery': 'Neoadjuvant PRRT',
  none: 'Not a combination',
};

export const AGENT_LABELS: Record<AgentId, string> = {
  'lu177-dotatate': '[177Lu]Lu-DOTATATE',
  'lu177-dotatoc': '[177Lu]Lu-DOTATOC',
  'y90-dotatoc': '[90Y]Y-DOTATOC',
  'in111-pentetreotide': '[111In]In-pentetreotide',
  'i131-mibg': '[131I]I-MIBG',
  'ac225-dotatate': '[225Ac]Ac-DOTATATE',
  'pb212-dotamtate': '[212Pb]Pb-DOTAMTATE',
  'lu177-fapi': '177Lu-FAP inhibitor',
  'lu177-sstr-antagonist': '177Lu-SSTR antagonist',
  'y90-microspheres': '90Y microspheres',
  'ho166-microspheres': '166Ho microspheres',
};

/** `ACTIVE_NOT_RECRUITING` → `Active, not recruiting`, as the registry's site prints it. */
export function statusLabel(status: string): string {
  if (status === 'ACTIVE_NOT_RECRUITING') return 'Active, not recruiting';
  if (status === 'REMOVED') return 'No longer served';
  const words = status.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ROMAN: Record<string, string> = {
  EARLY_PHASE1: '0',
  PHASE1: 'I',
  PHASE2: 'II',
  PHASE3: 'III',
  PHASE4: 'IV',
  NA: 'N/A',
};

/** Registry phases as papers print them: `[PHASE1, PHASE2]` → `I/II`. */
export function phaseLabel(phases: readonly string[]): string {
  return phases.map((phase) => ROMAN[phase] ?? phase).join('/');
}
