import { InvalidParameterError } from './invalid-parameter.error.js';
import { decodePageToken, queryFingerprint } from './page-token.js';
import { parseExpression, type Condition, type MatchScope } from './query-expression.js';
import { parseFields, type Selection } from './select-fields.js';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 1000;

const SCOPES: Readonly<Record<string, MatchScope>> = {
  'query.term': 'term',
  'query.intr': 'intr',
  'query.cond': 'cond',
  'query.titles': 'titles',
  'query.spons': 'spons',
  'filter.advanced': 'term',
};
const SUPPORTED = new Set([
  ...Object.keys(SCOPES),
  'format',
  'markupFormat',
  'filter.ids',
  'filter.overallStatus',
  'fields',
  'pageSize',
  'pageToken',
  'countTotal',
]);
/** Parameters the real API has and the replay server does not evaluate: refused rather than ignored. */
const NOT_REPLAYED = new Set([
  'query.locn',
  'query.outc',
  'query.lead',
  'query.id',
  'query.patient',
  'filter.geo',
  'filter.synonyms',
  'postFilter.overallStatus',
  'postFilter.geo',
  'postFilter.ids',
  'postFilter.advanced',
  'postFilter.synonyms',
  'aggFilters',
  'geoDecay',
  'sort',
]);
const NCT_ID = /^NCT0*[1-9]\d{0,7}$/;
const STATUS = /^[A-Z_]+$/;

/** A /studies request, validated. */
export interface StudiesRequest {
  conditions: readonly Condition[];
  ids: ReadonlySet<string> | null;
  statuses: ReadonlySet<string> | null;
  fields: Selection | null;
  pageSize: number;
  countTotal: boolean;
  offset: number;
  /** Identifies the search (all parameters but the paging ones); the result cache and tokens key on it. */
  fingerprint: string;
}

export function parseStudiesRequest(params: URLSearchParams, pageSizeCap: number | null): StudiesRequest {
  rejectUnknown(params, SUPPORTED);
  const format = params.get('format') ?? 'json';
  if (format !== 'json')
    throw new InvalidParameterError(`format ${format} is not supported by the replay server`);
  const conditions = Object.entries(SCOPES).flatMap(([name, scope]) => {
    const value = params.get(name);
    return value === null ? [] : parseExpression(value, scope);
  });
  const fingerprint = queryFingerprint(params);
  const token = params.get('pageToken');
  return {
    conditions,
    ids: listParam(params, 'filter.ids', (id) => {
      const upper = id.toUpperCase();
      if (!NCT_ID.test(upper)) throw new InvalidParameterError(`Invalid NCT id in filter.ids: ${id}`);
      return canonicalNctId(upper);
    }),
    statuses: listParam(params, 'filter.overallStatus', (status) => {
      if (!STATUS.test(status))
        throw new InvalidParameterError(`Invalid status in filter.overallStatus: ${status}`);
      return status;
    }),
    fields: params.has('fields') ? parseFields(splitList(params.get('fields') ?? '', 'fields')) : null,
    pageSize: Math.min(parsePageSize(params.get('pageSize')), pageSizeCap ?? MAX_PAGE_SIZE),
    countTotal: parseBoolean(params.get('countTotal'), 'countTotal'),
    offset: token === null || token === '' ? 0 : decodePageToken(token, fingerprint),
    fingerprint,
  };
}

/** Only the listed parameters, each once; fields of other requests (/studies/{id}) use the same rule. */
export function rejectUnknown(params: URLSearchParams, allowed: ReadonlySet<string>): void {
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (NOT_REPLAYED.has(name))
      throw new InvalidParameterError(`${name} is not supported by the replay server`);
    if (!allowed.has(name)) throw new InvalidParameterError(`Invalid prefix in parameter name: ${name}`);
    if (seen.has(name)) throw new InvalidParameterError(`Parameter given more than once: ${name}`);
    seen.add(name);
  }
}

export function splitList(value: string, name: string): string[] {
  const items = value
    .split(/[|,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new InvalidParameterError(`${name} must not be empty`);
  return items;
}

/** NCT ids are matched in their 8-digit form: NCT123 and NCT00000123 are the same id. */
export function canonicalNctId(id: string): string {
  const digits = id.slice(3).replace(/^0+/, '');
  return `NCT${digits.padStart(8, '0')}`;
}

function listParam(
  params: URLSearchParams,
  name: string,
  check: (item: string) => string,
): Set<string> | null {
  const value = params.get(name);
  return value === null ? null : new Set(splitList(value, name).map(check));
}

function parsePageSize(value: string | null): number {
  if (value === null || value === '') return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(value.trim())) throw new InvalidParameterError(`Invalid pageSize: ${value}`);
  const size = Number(value);
  if (size === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(size, MAX_PAGE_SIZE);
}

function parseBoolean(value: string | null, name: string): boolean {
  if (value === null || value === '' || value.toLowerCase() === 'false') return false;
  if (value.toLowerCase() === 'true') return true;
  throw new InvalidParameterError(`Invalid ${name}: ${value}`);
}
