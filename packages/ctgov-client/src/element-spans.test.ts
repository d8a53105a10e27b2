import { describe, expect, it } from 'vitest';
import { arrayElementSpans } from './element-spans.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** The elements as cut by the spans, as text. */
function cut(text: string, key = 'studies'): string[] | null {
  const body = bytes(text);
  const spans = arrayElementSpans(body, key);
  return spans && spans.map(([start, end]) => body.subarray(start, end).toString('utf8'));
}

describe('arrayElementSpans', () => {
  it('cuts the elements of a compact page exactly', () => {
    const studies = [{ a: 1, b: [1, 2, { c: 'x' }] }, { d: null }, {}];
    const text = JSON.stringify({ studies, nextPageToken: 'tok', totalCount: 3 });
    expect(cut(text)).toEqual(studies.map((study) => JSON.stringify(study)));
  });

  it('cuts pretty-printed pages, primitives and empty arrays, without the whitespace around elements', () => {
    const text = JSON.stringify(
      { totalCount: 4, studies: [{ a: [1, { b: 2 }] }, 'raw', -12.5e3, null] },
      null,
      2,
    );
    expect(cut(text)).toEqual([
      JSON.stringify({ a: [1, { b: 2 }] }, null, 2).replace(/\n/g, '\n    '),
      '"raw"',
      '-12500',
      'null',
    ]);
    expect(cut('{"studies":[]}')).toEqual([]);
    expect(cut('{ "studies" : [ 1 , true ] }')).toEqual(['1', 'true']);
  });

  it('is not fooled by brackets, quotes, escapes and the key inside strings or nested objects', () => {
    const studies = [
      { t: 'a "quoted" } ] [ { text', u: 'ends with a backslash \\', v: '\\"' },
      { studies: ['nested'], w: 'é ≥ “curly” 😀' },
    ];
    const text = JSON.stringify({ note: 'studies', nested: { studies: [9] }, studies });
    expect(cut(text)).toEqual(studies.map((study) => JSON.stringify(study)));
  });

  it('returns null when there is no such array or the body is cut short', () => {
    expect(cut('{"studies":"no"}')).toBeNull();
    expect(cut('{"other":[1]}')).toBeNull();
    expect(cut('[{"studies":[1]}]')).toBeNull();
    expect(cut('{"studies":[{"a":"unterminated')).toBeNull();
    expect(cut('{"studies":[{"a":1}')).toBeNull();
  });
});
