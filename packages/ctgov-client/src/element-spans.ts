import { isJsonWhitespace as isWhitespace, scanArrayPage } from './json-layout.js';

/** The bytes without the JSON whitespace around the value (how `arrayElementSpans` cuts elements). */
export function trimJsonWhitespace(bytes: Buffer): Buffer {
  let start = 0;
  let end = bytes.length;
  while (start < end && isWhitespace(bytes[start] as number)) start += 1;
  while (end > start && isWhitespace(bytes[end - 1] as number)) end -= 1;
  return bytes.subarray(start, end);
}

/**
 * Where each element of the array under top-level `key` sits in a JSON body: `[start, end)` byte offsets,
 * so that every element can be kept exactly as served (the raw archive) without serializing it again.
 * Returns null when the body is not an object holding such an array (the caller falls back to parsing).
 */
export function arrayElementSpans(bytes: Uint8Array, key: string): Array<[number, number]> | null {
  const layout = scanArrayPage(bytes, key);
  return layout && layout.elements.map((element) => [element.start, element.end]);
}
