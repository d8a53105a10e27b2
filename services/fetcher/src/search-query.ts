import type { StudiesQuery } from '@trialwatch/ctgov-client';
import type { SearchSpec } from '@trialwatch/store';

/** The incremental window as the registry expresses it (LastUpdatePostDate has day granularity). */
export function windowExpression(windowFrom: string): string {
  return `AREA[LastUpdatePostDate]RANGE[${windowFrom},MAX]`;
}

/** A run's search, with its window, as a /studies query. Every page of a search repeats it unchanged. */
export function toStudiesQuery(
  search: SearchSpec,
  windowFrom: string | null,
  pageSize: number,
): StudiesQuery {
  const advanced = [search.filterAdvanced, windowFrom ? windowExpression(windowFrom) : undefined]
    .filter((part): part is string => Boolean(part))
    .join(' AND ');
  return {
    ...(search.queryTerm ? { queryTerm: search.queryTerm } : {}),
    ...(search.queryIntr ? { queryIntr: search.queryIntr } : {}),
    ...(search.queryCond ? { queryCond: search.queryCond } : {}),
    ...(search.queryTitles ? { queryTitles: search.queryTitles } : {}),
    ...(search.filterIds?.length ? { filterIds: search.filterIds } : {}),
    ...(search.filterOverallStatus?.length ? { filterOverallStatus: search.filterOverallStatus } : {}),
    ...(advanced ? { filterAdvanced: advanced } : {}),
    pageSize,
    countTotal: true,
  };
}
