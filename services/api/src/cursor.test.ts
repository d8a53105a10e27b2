import { describe, expect, it } from 'vitest';
import { BadCursorError, eventsCursor, trialsCursor } from './cursor.js';

describe('page cursors', () => {
  it('round-trip the position they encode', () => {
    expect(trialsCursor.decode(trialsCursor.encode('NCT05387603'))).toBe('NCT05387603');
    const at = new Date('2026-09-03T02:00:00.123Z');
    expect(eventsCursor.decode(eventsCursor.encode(at, 'NCT1:status_changed'))).toEqual({
      detectedAt: at,
      id: 'NCT1:status_changed',
    });
  });

  it('reject text that is not a cursor, or a cursor of the other list', () => {
    expect(() => trialsCursor.decode('not a cursor')).toThrow(BadCursorError);
    expect(() => trialsCursor.decode(Buffer.from('{"k":"trials"}').toString('base64url'))).toThrow(
      BadCursorError,
    );
    expect(() => eventsCursor.decode(trialsCursor.encode('NCT05387603'))).toThrow(BadCursorError);
    expect(() => trialsCursor.decode(eventsCursor.encode(new Date(0), 'x'))).toThrow(BadCursorError);
  });
});
