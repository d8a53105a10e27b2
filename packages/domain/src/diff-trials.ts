import { canonicalJson } from './content-hash.js';
import { nameKey } from './name-key.js';
import { classifyDateChange } from './partial-date.js';
import { DATE_FIELDS, type SiteKey, type TrialChange } from './trial-change.schema.js';
import type { PartialDate, Trial } from './trial.schema.js';

/**
 * The changes between two versions of one trial, in a fixed order (TRIAL_CHANGE_TYPES order; dates in
 * DATE_FIELDS order; lists sorted). Pure and deterministic. Fields the registry rewrites on its own
 * (derivedSection) are not part of a Trial, so they never show here.
 */
export function diffTrials(previous: Trial, next: Trial): TrialChange[] {
  const changes: TrialChange[] = [];
  if (previous.overallStatus !== next.overallStatus) {
    changes.push({
      type: 'status_changed',
      from: previous.overallStatus,
      to: next.overallStatus,
      registryGenerated: next.overallStatus === 'UNKNOWN',
    });
  }
  if (previous.whyStopped !== next.whyStopped) {
    changes.push({ type: 'why_stopped_changed', from: previous.whyStopped, to: next.whyStopped });
  }
  if (
    previous.enrollment?.count !== next.enrollment?.count ||
    previous.enrollment?.type !== next.enrollment?.type
  ) {
    changes.push({ type: 'enrollment_changed', from: previous.enrollment, to: next.enrollment });
  }
  for (const field of DATE_FIELDS) {
    const from = previous[field];
    const to = next[field];
    if (!sameDate(from, to))
      changes.push({ type: 'date_changed', field, from, to, kind: classifyDateChange(from, to) });
  }
  if (!sameMembers(previous.phases, next.phases)) {
    changes.push({ type: 'phase_changed', from: previous.phases, to: next.phases });
  }
  if (!previous.hasResults && next.hasResults) {
    changes.push({ type: 'results_posted', to: next.resultsFirstPostDate });
  }
  const sites = compareKeyed(previous.sites.map(siteKey), next.sites.map(siteKey), siteKeyString);
  if (sites.added.length > 0 || sites.removed.length > 0) changes.push({ type: 'sites_changed', ...sites });
  const countries = compareKeyed(previous.countries, next.countries, (country) => country);
  if (countries.added.length > 0 || countries.removed.length > 0) {
    changes.push({ type: 'countries_changed', ...countries });
  }
  const interventions = compareKeyed(
    previous.interventions.map((intervention) => intervention.name),
    next.interventions.map((intervention) => intervention.name),
    nameKey,
  );
  if (interventions.added.length > 0 || interventions.removed.length > 0) {
    changes.push({ type: 'interventions_changed', ...interventions });
  }
  if (canonicalJson(previous.prrt) !== canonicalJson(next.prrt)) {
    changes.push({ type: 'combination_changed', from: previous.prrt, to: next.prrt });
  }
  return changes;
}

function sameDate(a: PartialDate | null, b: PartialDate | null): boolean {
  if (a === null || b === null) return a === b;
  return a.raw === b.raw && a.type === b.type;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((value, index) => value === sortedB[index]);
}

const siteKey = (site: SiteKey): SiteKey => ({
  facility: site.facility,
  city: site.city,
  country: site.country,
});
const siteKeyString = (site: SiteKey) => JSON.stringify([site.facility, site.city, site.country]);

/** Set difference by key; each side sorted by key (first occurrence of a key wins). */
function compareKeyed<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string) {
  const beforeKeys = indexByKey(before, keyOf);
  const afterKeys = indexByKey(after, keyOf);
  const added = [...afterKeys].filter(([key]) => !beforeKeys.has(key));
  const removed = [...beforeKeys].filter(([key]) => !afterKeys.has(key));
  const byKey = (a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    added: added.sort(byKey).map(([, item]) => item),
    removed: removed.sort(byKey).map(([, item]) => item),
  };
}

function indexByKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!index.has(key)) index.set(key, item);
  }
  return index;
}
