import { describe, expect, it } from 'vitest';
import { compactJson, memberWithComma, scanArrayPage, scanObject } from './json-layout.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** The elements of the array under `key`, as cut by the scan, as text. */
function cut(text: string, key = 'studies'): string[] | null {
  const body = bytes(text);
  const layout = scanArrayPage(body, key);
  return (
    layout && layout.elements.map((element) => body.subarray(element.start, element.end).toString('utf8'))
  );
}

/** Each member of an object layout as `key → value text`. */
function members(body: Buffer, layout: ReturnType<typeof scanObject>): Record<string, string> {
  if (!layout) throw new Error('no layout');
  return Object.fromEntries(
    [...layout.members].map(([key, span]) => [key, body.toString('utf8', span.valueStart, span.valueEnd)]),
  );
}

describe('scanObject', () => {
  it('finds each top-level member and its value, whatever the value holds', () => {
    const value = {
      protocolSection: { a: 'x } ] [ { "', b: [1, { c: null }], d: 'back\\slash\\' },
      derivedSection: { e: 'é ≥ “curly” 😀' },
      hasResults: false,
      n: -12.5e3,
    };
    const body = bytes(JSON.stringify(value));
    const layout = scanObject(body);
    expect(members(body, layout)).toEqual(
      Object.fromEntries(Object.entries(value).map(([key, member]) => [key, JSON.stringify(member)])),
    );
    expect(layout?.compact).toBe(true);
    expect(layout?.end).toBe(body.length);
  });

  it('tells pretty-printed JSON from compact, and keeps the last of repeated keys', () => {
    const body = bytes('{ "a" : [ 1 , 2 ],\n "a": {"b":1} }');
    const layout = scanObject(body);
    expect(members(body, layout)).toEqual({ a: '{"b":1}' });
    expect(layout?.compact).toBe(false);
  });

  it('lays out the object values of the members named as nested, and only those', () => {
    const body = bytes(JSON.stringify({ p: { a: [1], b: 'x' }, q: { c: 1 }, r: 'not an object' }));
    const layout = scanObject(body, new Set(['p', 'r']));
    const inner = layout?.members.get('p')?.object;
    expect(inner && members(body, inner)).toEqual({ a: '[1]', b: '"x"' });
    expect(layout?.members.get('q')?.object).toBeUndefined();
    expect(layout?.members.get('r')?.object).toBeUndefined();
    expect(members(body, layout).p).toBe('{"a":[1],"b":"x"}');
  });

  it('reads escaped keys as JSON.parse does', () => {
    const body = bytes('{"\\u0061b":1,"é":2}');
    expect(Object.keys(members(body, scanObject(body)))).toEqual(['ab', 'é']);
  });

  it('refuses what is cut short, unbalanced or not an object', () => {
    for (const text of [
      '{"a":"unterminated',
      '{"a":[1}',
      '{"a":{"b":1]}',
      '{"a":1',
      '{"a" 1}',
      '{"a":1,}x',
      '{"a":1} trailing',
      '[1]',
      '',
    ]) {
      expect(scanObject(bytes(text)), text).toBeNull();
    }
  });
});

describe('scanArrayPage', () => {
  it('cuts the elements of the array under the key, with the members of object elements', () => {
    const studies = [{ protocolSection: { x: 1 }, hasResults: true }, 'text', 7, {}];
    const body = bytes(JSON.stringify({ totalCount: 4, studies, nextPageToken: 'tok' }));
    const layout = scanArrayPage(body, 'studies');
    expect(layout?.elements.map((element) => body.toString('utf8', element.start, element.end))).toEqual(
      studies.map((element) => JSON.stringify(element)),
    );
    expect(layout?.elements.map((element) => element.object !== null)).toEqual([true, false, false, true]);
    expect([...(layout?.page.members.keys() ?? [])]).toEqual(['totalCount', 'studies', 'nextPageToken']);
    // An element's layout is measured from the element's own start.
    const element = layout?.elements[0];
    const first = element?.object;
    const own = element && body.subarray(element.start, element.end);
    expect(first?.start).toBe(0);
    expect(first && own?.toString('utf8', first.members.get('hasResults')?.valueStart, first.end - 1)).toBe(
      'true',
    );
  });

  it('marks each element compact or not on its own', () => {
    const body = bytes('{"studies":[ {"a":1} , {"a": 1} ]}');
    expect(scanArrayPage(body, 'studies')?.elements.map((element) => element.object?.compact)).toEqual([
      true,
      false,
    ]);
  });

  it('is null without such an array', () => {
    expect(scanArrayPage(bytes('{"studies":"no"}'), 'studies')).toBeNull();
    expect(scanArrayPage(bytes('{"other":[1]}'), 'studies')).toBeNull();
    expect(scanArrayPage(bytes('{"studies":[{"a":1}'), 'studies')).toBeNull();
  });
});

describe('memberWithComma and compactJson', () => {
  const without = (value: Record<string, unknown>, key: string, indent?: number): string => {
    const body = bytes(JSON.stringify(value, null, indent));
    const member = scanObject(body)?.members.get(key);
    if (!member) throw new Error(`no ${key}`);
    const [start, end] = memberWithComma(body, member);
    return compactJson(Buffer.concat([body.subarray(0, start), body.subarray(end)])).toString('utf8');
  };

  it('leave the same JSON as the object without that member, first, middle, last or only', () => {
    const value = { a: 1, b: { c: 'd e' }, z: [true, null] };
    for (const key of Object.keys(value)) {
      const rest = Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
      expect(without(value, key)).toBe(JSON.stringify(rest));
      expect(without(value, key, 2)).toBe(JSON.stringify(rest));
    }
    expect(without({ only: 1 }, 'only')).toBe('{}');
  });

  it('compactJson keeps whitespace inside strings, escaped quotes included', () => {
    const value = { text: ' spaced  "quoted" \\ ', list: [' a ', 'b'] };
    expect(compactJson(bytes(JSON.stringify(value, null, 4))).toString('utf8')).toBe(JSON.stringify(value));
  });
});

describe('scanArrayPage: where each element sits', () => {
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
