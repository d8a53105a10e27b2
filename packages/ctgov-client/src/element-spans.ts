const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The bytes without the JSON whitespace around the value (how `arrayElementSpans` cuts elements). */
export function trimJsonWhitespace(bytes: Buffer): Buffer {
  let start = 0;
  let end = bytes.length;
  while (start < end && isWhitespace(bytes[start] as number)) start += 1;
  while (end > start && isWhitespace(bytes[end - 1] as number)) end -= 1;
  return bytes.subarray(start, end);
}

/** The index of the quote that closes the string opened at `open`, or -1. */
function closingQuote(bytes: Uint8Array, open: number): number {
  let at = bytes.indexOf(QUOTE, open + 1);
  while (at !== -1) {
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
    at = bytes.indexOf(QUOTE, at + 1);
  }
  return -1;
}

function equalsAscii(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let index = 0; index < text.length; index += 1) {
    if (bytes[start + index] !== text.charCodeAt(index)) return false;
  }
  return true;
}

/**
 * Where each element of the array under top-level `key` sits in a JSON body: `[start, end)` byte offsets,
 * so that every element can be kept exactly as served (the raw archive) without serializing it again.
 * Strings are skipped with `indexOf` (most of a registry page is text), so a 5 MB page takes a few ms.
 * Returns null when the body is not an object holding such an array (the caller falls back to parsing).
 */
export function arrayElementSpans(bytes: Uint8Array, key: string): Array<[number, number]> | null {
  let depth = 0;
  let arrayDepth = -1;
  let keyPending = false;
  let elementStart = -1;
  let lastValueByte = -1;
  let spans: Array<[number, number]> | null = null;

  for (let at = 0; at < bytes.length; at += 1) {
    const byte = bytes[at] as number;
    if (isWhitespace(byte)) continue;
    const inArray = depth === arrayDepth;
    if (byte === QUOTE) {
      const close = closingQuote(bytes, at);
      if (close === -1) return null;
      if (inArray && elementStart === -1) elementStart = at;
      keyPending = depth === 1 && arrayDepth === -1 && equalsAscii(bytes, at + 1, close, key);
      at = close;
      lastValueByte = close;
      continue;
    }
    if (byte === COLON) continue;
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (inArray && elementStart === -1) elementStart = at;
      depth += 1;
      if (byte === OPEN_ARRAY && keyPending && depth === 2) {
        arrayDepth = 2;
        spans = [];
      }
      keyPending = false;
      continue;
    }
    keyPending = false;
    if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      if (inArray) {
        // The array itself closes; a primitive last element ends at its last byte.
        if (byte !== CLOSE_ARRAY) return null;
        if (elementStart !== -1) spans?.push([elementStart, lastValueByte + 1]);
        return spans;
      }
      depth -= 1;
      if (depth < 0) return null;
      lastValueByte = at;
      if (depth === arrayDepth && elementStart !== -1) {
        spans?.push([elementStart, at + 1]);
        elementStart = -1;
      }
      continue;
    }
    if (byte === COMMA) {
      if (inArray && elementStart !== -1) {
        spans?.push([elementStart, lastValueByte + 1]);
        elementStart = -1;
      }
      continue;
    }
    // A number, true, false or null.
    if (inArray && elementStart === -1) elementStart = at;
    lastValueByte = at;
  }
  return null;
}
