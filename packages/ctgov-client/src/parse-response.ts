import { z } from 'zod';
import { InvalidResponseError } from './ctgov-errors.js';
import { isAscii } from 'node:buffer';
import {
  bodyText,
  decodeStrings,
  parseJsonBytes,
  parseJsonView,
  withoutBom,
  type ParsedView,
} from './decode-json.js';
import { arrayElementSpans, trimJsonWhitespace } from './element-spans.js';
import type { ApiVersion, RawStudy } from './ctgov-client.types.js';

export const StudiesPageBody = z.object({
  studies: z.array(z.unknown()),
  nextPageToken: z.string().min(1).optional(),
  totalCount: z.number().int().nonnegative().optional(),
});
export type StudiesPageBody = z.infer<typeof StudiesPageBody>;

export const VersionBody = z.object({ apiVersion: z.string(), dataTimestamp: z.string() });
export type VersionBody = z.infer<typeof VersionBody>;

const StudyIdentity = z.object({
  protocolSection: z.object({ identificationModule: z.object({ nctId: z.string().min(1) }) }),
});

/** JSON.parse that turns a syntax error (a truncated body) into a retryable InvalidResponseError. */
export function parseJsonBody(url: string, bytes: Buffer): unknown {
  try {
    return parseJsonBytes(bytes);
  } catch {
    throw new InvalidResponseError(url, bodyText(bytes), 'not JSON');
  }
}

/** An element of a page as a RawStudy: an object study with its id, anything else kept with its text. */
export function toRawStudy(element: unknown): RawStudy {
  const identity = StudyIdentity.safeParse(element);
  if (identity.success)
    return { nctId: identity.data.protocolSection.identificationModule.nctId, record: element };
  const text = typeof element === 'string' ? element : JSON.stringify(element);
  return { nctId: null, record: element, text };
}

export interface ParsedStudiesPage {
  studies: RawStudy[];
  nextPageToken: string | null;
  totalCount: number | null;
}

/**
 * A /studies page. Each readable study also gets its bytes exactly as served (a view into the body, for
 * the raw archive); strings are UTF-8-decoded only in the studies whose bytes are not all ASCII.
 */
export function parseStudiesPage(url: string, bytes: Buffer): ParsedStudiesPage {
  const body = withoutBom(bytes);
  let parsed: ParsedView;
  try {
    parsed = parseJsonView(body);
  } catch {
    throw new InvalidResponseError(url, bodyText(bytes), 'not JSON');
  }
  const page = StudiesPageBody.safeParse(parsed.value);
  if (!page.success) throw new InvalidResponseError(url, bodyText(bytes), 'not a studies page');
  const spans = arrayElementSpans(body, 'studies');
  const exact = spans !== null && spans.length === page.data.studies.length ? spans : null;
  const studies = page.data.studies.map((element, index) => {
    const span = exact?.[index];
    const served = span ? body.subarray(span[0], span[1]) : undefined;
    const decoded = parsed.rawUtf8Strings && !(served && isAscii(served)) ? decodeStrings(element) : element;
    const study = toRawStudy(decoded);
    return served && study.nctId !== null ? { ...study, bytes: served } : study;
  });
  const token = page.data.nextPageToken;
  return {
    studies,
    nextPageToken:
      token === undefined ? null : parsed.rawUtf8Strings ? (decodeStrings(token) as string) : token,
    totalCount: page.data.totalCount ?? null,
  };
}

/** /studies/{id}: a body that parses is returned whatever it holds; one that does not is retryable. */
export function parseStudy(url: string, bytes: Buffer): RawStudy {
  const raw = toRawStudy(parseJsonBody(url, bytes));
  return raw.nctId === null
    ? { ...raw, text: bodyText(bytes) }
    : { ...raw, bytes: trimJsonWhitespace(withoutBom(bytes)) };
}

export function parseVersion(url: string, bytes: Buffer): ApiVersion {
  const body = VersionBody.safeParse(parseJsonBody(url, bytes));
  if (!body.success) throw new InvalidResponseError(url, bodyText(bytes), 'not a version body');
  return body.data;
}
