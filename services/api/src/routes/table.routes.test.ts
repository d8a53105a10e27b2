import { describe, expect, it } from 'vitest';
import { wantsJson } from './table.routes.js';

describe('wantsJson', () => {
  it('follows ?format first, then the Accept header; a browser gets HTML', () => {
    expect(wantsJson('json', 'text/html')).toBe(true);
    expect(wantsJson('html', 'application/json')).toBe(false);
    expect(wantsJson(undefined, 'application/json')).toBe(true);
    expect(wantsJson(undefined, 'application/json, text/html;q=0.5')).toBe(true);
    expect(wantsJson(undefined, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(
      false,
    );
    expect(wantsJson(undefined, '*/*')).toBe(false);
    expect(wantsJson(undefined, undefined)).toBe(false);
  });
});
