import { KNOWN_OVERALL_STATUSES, type KnownOverallStatus } from './trial.schema.js';

/** What a paper printed, as a registry status, or the printed text when it names no registry status. */
export type PublishedStatus = { status: KnownOverallStatus } | { unmapped: string };

/**
 * Statuses as papers print them that differ from the registry's own spellings. The registry's enum values
 * (`ACTIVE_NOT_RECRUITING`) and their readable forms ("Active, not recruiting") need no entry: they reduce
 * to the same key.
 */
const PRINTED_ALIASES: ReadonlyArray<readonly [string, KnownOverallStatus]> = [
  ['Unknown status', 'UNKNOWN'],
  ['Status unknown', 'UNKNOWN'],
  ['Enrolling by invite', 'ENROLLING_BY_INVITATION'],
  ['Enrolling by invitation only', 'ENROLLING_BY_INVITATION'],
];

/** Letters and digits only, lower case, one space between words: case, dashes and punctuation vanish. */
function statusKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const STATUS_BY_KEY: ReadonlyMap<string, KnownOverallStatus> = new Map([
  ...KNOWN_OVERALL_STATUSES.map((status) => [statusKey(status), status] as const),
  ...PRINTED_ALIASES.map(([printed, status]) => [statusKey(printed), status] as const),
]);

/**
 * Maps a status as a paper printed it ("Active, not recruiting", "Not-yet recruiting", "UNKNOWN") to the
 * registry's value. A publication state such as "Abstract published" names no registry status and comes
 * back as `{ unmapped }` with the printed text, trimmed.
 */
export function mapPublishedStatus(printed: string): PublishedStatus {
  const status = STATUS_BY_KEY.get(statusKey(printed));
  return status === undefined ? { unmapped: printed.trim() } : { status };
}
