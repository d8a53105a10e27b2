import type { EventDoc } from './documents.js';

/**
 * An event as `trialwatch changes --json`, the API and exports show it: one flat JSON object — the stored
 * event without its versions and cohorts, `id` for `_id`, the time as ISO text.
 */
export type EventView = Omit<EventDoc, '_id' | 'detectedAt' | 'fromVersion' | 'toVersion' | 'cohorts'> & {
  id: string;
  detectedAt: string;
};

export function toEventView(doc: EventDoc): EventView {
  const {
    _id,
    nctId,
    type,
    detectedAt,
    runId,
    lastUpdatePostDate,
    fromVersion: _fromVersion,
    toVersion: _toVersion,
    cohorts: _cohorts,
    ...change
  } = doc;
  return { id: _id, nctId, type, ...change, detectedAt: detectedAt.toISOString(), runId, lastUpdatePostDate };
}

/** One line for people: `NCT… status_changed RECRUITING → COMPLETED`. */
export function describeEvent(view: EventView): string {
  const show = (value: unknown): string => {
    if (value === null || value === undefined) return '∅';
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && 'raw' in value) {
      const date = value as { raw: string; type: string | null };
      return `${date.raw}${date.type ? ` (${date.type.toLowerCase()})` : ''}`;
    }
    if (typeof value === 'object' && 'count' in value) {
      const enrollment = value as { count: number | null; type: string | null };
      return `${String(enrollment.count)}${enrollment.type ? ` ${enrollment.type.toLowerCase()}` : ''}`;
    }
    if (Array.isArray(value)) return value.map(show).join(', ') || '∅';
    if (typeof value === 'object' && 'agents' in value) {
      const prrt = value as { agents: string[]; combination: { categories: string[] } };
      return `${prrt.agents.join('+') || 'no PRRT'} [${prrt.combination.categories.join(', ')}]`;
    }
    if (typeof value === 'object' && 'facility' in value) {
      const site = value as { facility: string | null; city: string | null; country: string | null };
      return [site.facility, site.city, site.country].filter(Boolean).join(', ');
    }
    return JSON.stringify(value);
  };
  const parts = [view.nctId, view.type];
  if (view.field && view.type !== 'cohort_entered' && view.type !== 'cohort_left') parts.push(view.field);
  if (view.added || view.removed) {
    if (view.added?.length) parts.push(`+[${view.added.map(show).join('; ')}]`);
    if (view.removed?.length) parts.push(`-[${view.removed.map(show).join('; ')}]`);
  } else if (view.from !== undefined || view.to !== undefined) {
    parts.push(`${show(view.from)} → ${show(view.to)}`);
  }
  if (view.kind) parts.push(`(${view.kind})`);
  if (view.registryGenerated) parts.push('(set by the registry)');
  return parts.join('  ');
}
