import { isAscii } from 'node:buffer';

/**
 * Files are handled as bytes. Decoding UTF-8 into a JS string is slow for text with a few non-ASCII
 * characters (two-byte strings, 50 MB/s here against 500 MB/s for JSON.parse), so a file is parsed through
 * its latin1 view: one char per byte, lossless, and valid JSON in the view exactly when the bytes are.
 * Strings read from such a parse are "views" too: `decodeView` turns one into real text.
 */
export interface ParsedBytes {
  /** The parsed value, or undefined when the bytes are not JSON. */
  value: unknown;
  /** The file is pure ASCII: its view strings are already real text. */
  ascii: boolean;
}

/** The bytes after a UTF-8 byte order mark, if the file starts with one. */
export function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

export function latin1View(bytes: Buffer): string {
  return withoutBom(bytes).toString('latin1');
}

export function parseJsonBytes(bytes: Buffer, view = latin1View(bytes)): ParsedBytes {
  const ascii = isAscii(bytes);
  try {
    return { value: JSON.parse(view) as unknown, ascii };
  } catch {
    return { value: undefined, ascii };
  }
}

/**
 * A string value from a parse of a latin1 view, as the text it stands for: runs of chars 0x80-0xff are
 * raw UTF-8 bytes (a \u0080-\u00ff escape in the file would be misread; only match texts use this).
 */
export function decodeView(value: string, ascii: boolean): string {
  if (ascii || !/[\x80-\xff]/.test(value)) return value;
  return value.replace(/[\x80-\xff]+/g, (run) => Buffer.from(run, 'latin1').toString('utf8'));
}

/** JSON bytes of a value parsed from `source` (the latin1 round trip when it is exact, else a real decode). */
export function reencode(
  source: Buffer,
  parsedFromView: unknown,
  transform: (value: unknown) => unknown,
): Buffer {
  const json = JSON.stringify(transform(parsedFromView)) as string | undefined;
  if (json === undefined) return Buffer.from('{}', 'utf8');
  // A char above 0xff came from a \u escape in the file: the view round trip would lose it.
  if (!/[\u0100-\uffff]/.test(json)) return Buffer.from(json, 'latin1');
  const decoded = JSON.parse(withoutBom(source).toString('utf8')) as unknown;
  return Buffer.from((JSON.stringify(transform(decoded)) as string | undefined) ?? '{}', 'utf8');
}

/** A file's raw text as a JSON string literal, in bytes (what a page carries for a file that is not a study). */
export function jsonStringOfBytes(bytes: Buffer): Buffer {
  // JSON.stringify escapes only quotes, backslashes and control characters, so the view round trip is exact.
  return Buffer.from(JSON.stringify(latin1View(bytes)), 'latin1');
}
