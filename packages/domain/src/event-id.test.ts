// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import { eventId } from './event-id.js';
import { EVENT_TYPES } from './trial-change.schema.js';

const HASH_A = 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);
const HASH_B = 'c'.repeat(64);

describe('eventId', () => {
  it('is readable: nctId, type, field and the two versions (hash prefixes)', () => {
    expect(
      eventId({
        nctId: 'NCT04919226',
        type: 'date_changed',
        field: 'primaryCompletionDate',
        fromVersion: `NCT04919226@${HASH_A}`,
        toVersion: `NCT04919226@${HASH_B}`,
      }),
    ).toBe('NCT04919226:date_changed:primaryCompletionDate:aaaaaaaa01234567>cccccccccccccccc');
  });

  it('writes a missing field or version as "-"', () => {
    expect(
      eventId({
        nctId: 'NCT01578239',
        type: 'trial_added',
        fromVersion: null,
        toVersion: `NCT01578239@${HASH_B}`,
      }),
    ).toBe('NCT01578239:trial_added:-:->cccccccccccccccc');
    expect(
      eventId({
        nctId: 'NCT01578239',
        type: 'trial_removed',
        field: null,
        fromVersion: 'v7',
        toVersion: null,
      }),
    ).toBe('NCT01578239:trial_removed:-:v7>-');
  });

  it('is deterministic and tells transitions, types and fields apart', () => {
    const base = {
      nctId: 'NCT05477576',
      fromVersion: `NCT05477576@${HASH_A}`,
      toVersion: `NCT05477576@${HASH_B}`,
    };
    const ids = [
      eventId({ ...base, type: 'status_changed' }),
      eventId({ ...base, type: 'date_changed', field: 'startDate' }),
      eventId({ ...base, type: 'date_changed', field: 'completionDate' }),
      eventId({ ...base, type: 'status_changed', fromVersion: base.toVersion, toVersion: base.fromVersion }),
      eventId({ ...base, type: 'status_changed', nctId: 'NCT05477577' }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(eventId({ ...base, type: 'status_changed' })).toBe(ids[0]);
  });

  it('stays within 120 ASCII characters for every event type and field, with long versions hashed', () => {
    for (const type of EVENT_TYPES) {
      const id = eventId({
        nctId: 'NCT12345678',
        type,
        field: 'primaryCompletionDate',
        fromVersion: 'run-2026-09-04T09:00:06.123Z-with-a-long-name',
        toVersion: `NCT12345678@${HASH_B}`,
      });
      expect(id.length).toBeLessThanOrEqual(120);
      expect(id).toMatch(/^[\x21-\x7e]+$/);
    }
    const long = eventId({
      nctId: 'NCT12345678',
      type: 'cohort_entered',
      field: 'x'.repeat(200),
      fromVersion: 'a',
      toVersion: 'b',
    });
    expect(long).toMatch(/^NCT12345678:cohort_entered:[0-9a-f]{32}$/);
  });

  // The sha-256 prefix below was computed with node:crypto by hand, from the rule in eventId's comment.
  it('is stable across releases (an idempotency key must never change)', () => {
    expect(
      eventId({
        nctId: 'NCT03457948',
        type: 'status_changed',
        fromVersion: 'run-with-a-name-longer-than-16',
        toVersion: `NCT03457948@${HASH_B}`,
      }),
    ).toBe('NCT03457948:status_changed:-:4ee1c0c28c4b8ceb>cccccccccccccccc');
  });
});
