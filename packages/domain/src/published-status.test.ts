// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import { mapPublishedStatus } from './published-status.js';
import { KNOWN_OVERALL_STATUSES } from './trial.schema.js';

describe('mapPublishedStatus', () => {
  it.each([
    ['Recruiting', 'RECRUITING'],
    ['Active, not recruiting', 'ACTIVE_NOT_RECRUITING'],
    ['Not yet recruiting', 'NOT_YET_RECRUITING'],
    ['Unknown', 'UNKNOWN'],
    ['Unknown status', 'UNKNOWN'],
    ['Completed', 'COMPLETED'],
    ['Terminated', 'TERMINATED'],
    ['Withdrawn', 'WITHDRAWN'],
    ['Suspended', 'SUSPENDED'],
    ['Enrolling by invitation', 'ENROLLING_BY_INVITATION'],
  ] as const)('maps the printed %j to %s', (printed, expected) => {
    expect(mapPublishedStatus(printed)).toEqual({ status: expected });
  });

  it('ignores case, surrounding and inner whitespace, punctuation and dashes', () => {
    for (const printed of [
      '  active,  NOT recruiting ',
      'Active – not recruiting',
      'Active—not-recruiting.',
      'active\u00a0not\nrecruiting',
      'Active; not recruiting*',
    ]) {
      expect(mapPublishedStatus(printed), printed).toEqual({ status: 'ACTIVE_NOT_RECRUITING' });
    }
    expect(mapPublishedStatus('Not-yet-recruiting')).toEqual({ status: 'NOT_YET_RECRUITING' });
    expect(mapPublishedStatus('RECRUITING.')).toEqual({ status: 'RECRUITING' });
  });

  it("accepts every one of the registry's own enum spellings", () => {
    for (const status of KNOWN_OVERALL_STATUSES) {
      expect(mapPublishedStatus(status)).toEqual({ status });
    }
  });

  it('keeps a publication state unmapped, with the printed text trimmed', () => {
    expect(mapPublishedStatus(' Abstract published ')).toEqual({ unmapped: 'Abstract published' });
  });

  it('does not guess at statuses that are ambiguous or empty', () => {
    expect(mapPublishedStatus('Not recruiting')).toEqual({ unmapped: 'Not recruiting' });
    expect(mapPublishedStatus('Active')).toEqual({ unmapped: 'Active' });
    expect(mapPublishedStatus('')).toEqual({ unmapped: '' });
    expect(mapPublishedStatus('Recruiting soon')).toEqual({ unmapped: 'Recruiting soon' });
  });
});
