import { createHash } from 'node:crypto';

export interface EventIdInput {
  nctId: string;
  /** An EventType (EVENT_TYPES); any string is accepted so stored events can be re-keyed as they are. */
  type: string;
  /** The changed field when one type covers several (date_changed: startDate...); null otherwise. */
  field?: string | null;
  /** Version keys (`nctId@contentHash`) or other version markers; null where there is none (trial_added). */
  fromVersion: string | null;
  toVersion: string | null;
}

const MAX_LENGTH = 120;
const HEX = /^[0-9a-f]+$/;

/**
 * The idempotency key of an event: the same transition always gives the same id, forever.
 *
 * Readable and ASCII: `NCT04919226:date_changed:completionDate:3f2a9c0d1e7b5a46>9b0c1d2e3f4a5b6c`. A missing
 * field or version is `-`. A version `nctId@hash` is written as the first 16 hex digits of its hash; any other
 * version longer than 16 characters as the first 16 hex digits of its sha-256. Ids that would still pass 120
 * characters (an unusually long field) become `nctId:type:` + 32 hex digits of the sha-256 of the readable id.
 */
export function eventId(input: EventIdInput): string {
  const readable = [
    input.nctId,
    input.type,
    input.field ?? '-',
    `${shortVersion(input.fromVersion, input.nctId)}>${shortVersion(input.toVersion, input.nctId)}`,
  ].join(':');
  if (readable.length <= MAX_LENGTH) return readable;
  return `${input.nctId}:${input.type}:${sha256(readable).slice(0, 32)}`;
}

function shortVersion(version: string | null, nctId: string): string {
  if (version === null) return '-';
  const bare = version.startsWith(`${nctId}@`) ? version.slice(nctId.length + 1) : version;
  if (bare.length <= 16) return bare;
  return HEX.test(bare) ? bare.slice(0, 16) : sha256(bare).slice(0, 16);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
