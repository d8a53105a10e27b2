import { z } from 'zod';
import { InvalidResponseError } from './ctgov-errors.js';
import { bodyText, parseJsonBytes } from './decode-json.js';
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

export function parseStudiesPage(url: string, bytes: Buffer): ParsedStudiesPage {
  const body = StudiesPageBody.safeParse(parseJsonBody(url, bytes));
  if (!body.success) throw new InvalidResponseError(url, bodyText(bytes), 'not a studies page');
  return {
    studies: body.data.studies.map(toRawStudy),
    nextPageToken: body.data.nextPageToken ?? null,
    totalCount: body.data.totalCount ?? null,
  };
}

/** /studies/{id}: a body that parses is returned whatever it holds; one that does not is retryable. */
export function parseStudy(url: string, bytes: Buffer): RawStudy {
  const raw = toRawStudy(parseJsonBody(url, bytes));
  return raw.nctId === null ? { ...raw, text: bodyText(bytes) } : raw;
}

export function parseVersion(url: string, bytes: Buffer): ApiVersion {
  const body = VersionBody.safeParse(parseJsonBody(url, bytes));
  if (!body.success) throw new InvalidResponseError(url, bodyText(bytes), 'not a version body');
  return body.data;
}
