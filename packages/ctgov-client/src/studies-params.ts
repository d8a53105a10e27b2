import type { StudiesQuery } from './ctgov-client.types.js';

export const MAX_PAGE_SIZE = 1000;

/**
 * The /studies query string of a search, in the API's parameter names. With a pageToken (a later page) it
 * repeats the first page's parameters and drops countTotal, which the API ignores after the first page.
 */
export function toStudiesParams(query: StudiesQuery, pageToken?: string | null): URLSearchParams {
  const params = new URLSearchParams({ format: 'json' });
  const set = (name: string, value: string | undefined): void => {
    if (value !== undefined && value.trim() !== '') params.set(name, value);
  };
  const list = (name: string, values: readonly string[] | undefined, separator: string): void => {
    const kept = values?.map((value) => value.trim()).filter((value) => value !== '');
    if (kept && kept.length > 0) params.set(name, kept.join(separator));
  };
  set('query.term', query.queryTerm);
  set('query.intr', query.queryIntr);
  set('query.cond', query.queryCond);
  set('query.titles', query.queryTitles);
  set('query.spons', query.querySpons);
  list('filter.ids', query.filterIds, '|');
  list('filter.overallStatus', query.filterOverallStatus, '|');
  set('filter.advanced', query.filterAdvanced);
  list('fields', query.fields, ',');
  if (query.pageSize !== undefined) params.set('pageSize', String(clampPageSize(query.pageSize)));
  if (pageToken) params.set('pageToken', pageToken);
  else params.set('countTotal', String(query.countTotal ?? true));
  return params;
}

export function clampPageSize(pageSize: number): number {
  if (!Number.isFinite(pageSize)) return MAX_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(pageSize)));
}
