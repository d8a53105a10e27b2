/**
 * Where things sit in a JSON body, found without parsing it: the elements of a page's `studies` array and
 * the top-level members of each study. The fetch stage parses only the parts it reads (protocolSection),
 * hashes and archives the rest as the bytes served. Strings are skipped with `indexOf` (most of a registry
 * record is text), so a 5 MB page takes a few milliseconds.
 *
 * The scan checks structure (strings closed, brackets matched, members as `"key": value` separated by
 * commas), not the whole grammar: a body it accepts can still hold an invalid literal or escape inside a
 * part that is never parsed. A body cut short, the usual corruption, is always refused.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MAX_DEPTH = 512;

export function isJsonWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The bytes without the JSON whitespace around the value. */
export function trimJsonWhitespace(bytes: Buffer): Buffer {
  let start = 0;
  let end = bytes.length;
  while (start < end && isJsonWhitespace(bytes[start] as number)) start += 1;
  while (end > start && isJsonWhitespace(bytes[end - 1] as number)) end -= 1;
  return bytes.subarray(start, end);
}

/** One member of an object: offsets into the scanned bytes, `valueEnd` exclusive. */
export interface MemberSpan {
  /** The opening quote of its key. */
  start: number;
  valueStart: number;
  valueEnd: number;
  /** The value's own layout, for the members the scan was asked to look into (`nested`). */
  object?: ObjectLayout;
}

export interface ObjectLayout {
  start: number;
  end: number;
  /** Its top-level members by key (the last one when a key repeats, as JSON.parse keeps it). */
  members: Map<string, MemberSpan>;
  /** No JSON whitespace between its tokens (how the registry serves records). */
  compact: boolean;
}

export interface ElementSpan {
  start: number;
  end: number;
  /** The element's layout when it is an object, with offsets from the element's start. */
  object: ObjectLayout | null;
}

export interface ArrayPageLayout {
  page: ObjectLayout;
  /** The elements of the array under the page's key. */
  elements: ElementSpan[];
}

class Malformed extends Error {}
const NONE: ReadonlySet<string> = new Set();
const MALFORMED = new Malformed('malformed JSON');

/** The end (exclusive) of the JSON string whose opening quote is at `open`, or -1 when it does not close. */
function stringEnd(bytes: Uint8Array, open: number): number {
  let at = bytes.indexOf(QUOTE, open + 1);
  while (at !== -1) {
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at + 1;
    at = bytes.indexOf(QUOTE, at + 1);
  }
  return -1;
}

class Scanner {
  /** Whitespace seen between tokens since the last reset. */
  whitespace = false;
  /** Where the object being laid out is measured from: an array element's layout is its own. */
  private base = 0;
  private readonly openers = new Uint8Array(MAX_DEPTH);

  constructor(readonly bytes: Uint8Array) {}

  skipWhitespace(at: number): number {
    const { bytes } = this;
    let index = at;
    while (index < bytes.length && isJsonWhitespace(bytes[index] as number)) index += 1;
    if (index !== at) this.whitespace = true;
    return index;
  }

  /** The end (exclusive) of the string whose opening quote is at `open`. */
  stringEnd(open: number): number {
    const end = stringEnd(this.bytes, open);
    if (end === -1) throw MALFORMED;
    return end;
  }

  /** The end (exclusive) of the value starting at `at` (not whitespace). */
  valueEnd(at: number): number {
    const byte = this.bytes[at];
    if (byte === undefined) throw MALFORMED;
    if (byte === QUOTE) return this.stringEnd(at);
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) return this.containerEnd(at);
    let end = at;
    while (end < this.bytes.length && isLiteralByte(this.bytes[end] as number)) end += 1;
    if (end === at) throw MALFORMED;
    return end;
  }

  /** The end (exclusive) of the object or array opening at `open`: brackets matched, strings skipped. */
  containerEnd(open: number): number {
    const { bytes, openers } = this;
    let depth = 0;
    for (let at = open; at < bytes.length; at += 1) {
      const byte = bytes[at] as number;
      if (byte === QUOTE) {
        at = this.stringEnd(at) - 1;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (depth === MAX_DEPTH) throw MALFORMED;
        openers[depth] = byte;
        depth += 1;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth -= 1;
        if (openers[depth] !== (byte === CLOSE_OBJECT ? OPEN_OBJECT : OPEN_ARRAY)) throw MALFORMED;
        if (depth === 0) return at + 1;
      } else if (isJsonWhitespace(byte)) {
        this.whitespace = true;
      }
    }
    throw MALFORMED;
  }

  /**
   * The members of the object opening at `open`, offsets from `base`. `value` skips each member's value
   * and returns its end (by default the plain skip); it may look inside, as the page scan does for its
   * array. The object values of the members named in `nested` are laid out too.
   */
  object(
    open: number,
    value: (key: string, at: number) => number = (_key, at) => this.valueEnd(at),
    nested: ReadonlySet<string> = NONE,
  ): ObjectLayout {
    const { bytes, base } = this;
    if (bytes[open] !== OPEN_OBJECT) throw MALFORMED;
    const members = new Map<string, MemberSpan>();
    const layout = (close: number): ObjectLayout => ({
      start: open - base,
      end: close + 1 - base,
      members,
      compact: !this.whitespace,
    });
    let at = this.skipWhitespace(open + 1);
    if (bytes[at] === CLOSE_OBJECT) return layout(at);
    for (;;) {
      if (bytes[at] !== QUOTE) throw MALFORMED;
      const keyEnd = this.stringEnd(at);
      const key = keyText(bytes, at, keyEnd);
      let valueStart = this.skipWhitespace(keyEnd);
      if (bytes[valueStart] !== COLON) throw MALFORMED;
      valueStart = this.skipWhitespace(valueStart + 1);
      const object = nested.has(key) && bytes[valueStart] === OPEN_OBJECT ? this.object(valueStart) : null;
      const valueEnd = object ? object.end + base : value(key, valueStart);
      const span: MemberSpan = { start: at - base, valueStart: valueStart - base, valueEnd: valueEnd - base };
      if (object) span.object = object;
      members.set(key, span);
      at = this.skipWhitespace(valueEnd);
      if (bytes[at] === COMMA) {
        at = this.skipWhitespace(at + 1);
        continue;
      }
      if (bytes[at] === CLOSE_OBJECT) return layout(at);
      throw MALFORMED;
    }
  }

  /**
   * The elements of the array opening at `open`; object elements with their members (see `object`),
   * measured from the element's own start.
   */
  array(open: number, nested: ReadonlySet<string>): { end: number; elements: ElementSpan[] } {
    const { bytes } = this;
    if (bytes[open] !== OPEN_ARRAY) throw MALFORMED;
    const elements: ElementSpan[] = [];
    let at = this.skipWhitespace(open + 1);
    if (bytes[at] === CLOSE_ARRAY) return { end: at + 1, elements };
    for (;;) {
      this.whitespace = false;
      if (bytes[at] === OPEN_OBJECT) {
        const outer = this.base;
        this.base = at;
        const object = this.object(at, undefined, nested);
        this.base = outer;
        elements.push({ start: at, end: at + object.end, object });
      } else {
        elements.push({ start: at, end: this.valueEnd(at), object: null });
      }
      at = this.skipWhitespace((elements.at(-1) as ElementSpan).end);
      if (bytes[at] === COMMA) {
        at = this.skipWhitespace(at + 1);
        continue;
      }
      if (bytes[at] === CLOSE_ARRAY) return { end: at + 1, elements };
      throw MALFORMED;
    }
  }
}

/** Digits, signs, exponent and the letters of true, false and null. */
function isLiteralByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2b ||
    byte === 0x2e ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x45
  );
}

/** A key's text: its bytes when plain ASCII (registry keys are), else what JSON.parse makes of it. */
function keyText(bytes: Uint8Array, open: number, end: number): string {
  let plain = true;
  for (let at = open + 1; at < end - 1; at += 1) {
    const byte = bytes[at] as number;
    if (byte === BACKSLASH || byte >= 0x80) {
      plain = false;
      break;
    }
  }
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset + open, end - open);
  if (plain) return raw.toString('latin1', 1, raw.length - 1);
  try {
    return JSON.parse(raw.toString('utf8')) as string;
  } catch {
    throw MALFORMED;
  }
}

/**
 * The layout of a body that is an object holding an array under `key` (a /studies page): the page's
 * members, each element's span, and each object element's own members (and those of its members named in
 * `nested`). Null when the body is not such an object or is malformed (the caller parses it the ordinary
 * way and reports why).
 */
export function scanArrayPage(
  bytes: Uint8Array,
  key: string,
  nested: ReadonlySet<string> = NONE,
): ArrayPageLayout | null {
  const scanner = new Scanner(bytes);
  const found: { elements: ElementSpan[] | null } = { elements: null };
  try {
    const start = scanner.skipWhitespace(0);
    const page = scanner.object(start, (member, at) => {
      if (member !== key || bytes[at] !== OPEN_ARRAY) return scanner.valueEnd(at);
      const array = scanner.array(at, nested);
      found.elements = array.elements;
      return array.end;
    });
    if (scanner.skipWhitespace(page.end) !== bytes.length || found.elements === null) return null;
    return { page, elements: found.elements };
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
}

/** The layout of a body that is one object (a /studies/{id} body), or null. */
export function scanObject(bytes: Uint8Array, nested: ReadonlySet<string> = NONE): ObjectLayout | null {
  const scanner = new Scanner(bytes);
  try {
    const start = scanner.skipWhitespace(0);
    scanner.whitespace = false;
    const object = scanner.object(start, undefined, nested);
    return scanner.skipWhitespace(object.end) === bytes.length ? object : null;
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
}

/**
 * `[start, end)` of a member with the comma that separates it from its neighbour (the one after it, or
 * for the last member the one before it): what to leave out so that the rest is the same object without
 * that member.
 */
export function memberWithComma(bytes: Uint8Array, member: MemberSpan): [number, number] {
  let after = member.valueEnd;
  while (after < bytes.length && isJsonWhitespace(bytes[after] as number)) after += 1;
  if (bytes[after] === COMMA) return [member.start, after + 1];
  let before = member.start - 1;
  while (before >= 0 && isJsonWhitespace(bytes[before] as number)) before -= 1;
  return bytes[before] === COMMA ? [before, member.valueEnd] : [member.start, member.valueEnd];
}

/** The bytes without JSON whitespace between tokens (strings kept as they are). */
export function compactJson(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at] as number;
    if (byte === QUOTE) {
      const end = stringEnd(bytes, at);
      const stringBytes = bytes.subarray(at, end === -1 ? bytes.length : end);
      out.set(stringBytes, length);
      length += stringBytes.length;
      at += stringBytes.length;
      continue;
    }
    if (!isJsonWhitespace(byte)) {
      out[length] = byte;
      length += 1;
    }
    at += 1;
  }
  return out.subarray(0, length);
}
