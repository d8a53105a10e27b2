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
import {
  compactJson,
  memberWithComma,
  scanArrayPage,
  scanObject,
  trimJsonWhitespace,
  type ArrayPageLayout,
  type MemberSpan,
  type ObjectLayout,
} from './json-layout.js';
import type { ApiVersion, RawStudy, StudyRecords } from './ctgov-client.types.js';

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
 * the raw archive) and their layout. `whole`: the page is parsed, strings UTF-8-decoded only in the
 * studies whose bytes are not all ASCII. `protocol`: only each study's protocolSection and hasResults are
 * parsed (see RawStudy.partial), and of protocolSection only `modules` when given; a study without a
 * readable NCT id there is parsed whole.
 */
export function parseStudiesPage(
  url: string,
  bytes: Buffer,
  records: StudyRecords = 'whole',
  /** With 'protocol': the modules of protocolSection to parse (the others are present as `{}`); default all. */
  modules?: ReadonlySet<string>,
): ParsedStudiesPage {
  const body = withoutBom(bytes);
  const layout = scanArrayPage(body, 'studies', modules ? PROTOCOL : undefined);
  if (layout && records === 'protocol') return protocolPage(url, body, layout, modules);
  let parsed: ParsedView;
  try {
    parsed = parseJsonView(body);
  } catch {
    throw new InvalidResponseError(url, bodyText(bytes), 'not JSON');
  }
  const page = StudiesPageBody.safeParse(parsed.value);
  if (!page.success) throw new InvalidResponseError(url, bodyText(bytes), 'not a studies page');
  const exact = layout?.elements.length === page.data.studies.length ? layout.elements : null;
  const studies = page.data.studies.map((element, index) => {
    const span = exact?.[index];
    const served = span ? body.subarray(span.start, span.end) : undefined;
    const decoded = parsed.rawUtf8Strings && !(served && isAscii(served)) ? decodeStrings(element) : element;
    const study = toRawStudy(decoded);
    if (!served || !span || study.nctId === null) return study;
    return span.object ? { ...study, bytes: served, layout: span.object } : study;
  });
  const token = page.data.nextPageToken;
  return {
    studies,
    nextPageToken:
      token === undefined ? null : parsed.rawUtf8Strings ? (decodeStrings(token) as string) : token,
    totalCount: page.data.totalCount ?? null,
  };
}

/** A page read through its layout: the page's own members and each study's protocol view. */
function protocolPage(
  url: string,
  body: Buffer,
  layout: ArrayPageLayout,
  modules: ReadonlySet<string> | undefined,
): ParsedStudiesPage {
  const member = (key: string): unknown => {
    const span = layout.page.members.get(key);
    return span ? parseSpan(url, body, span.valueStart, span.valueEnd) : undefined;
  };
  const page = StudiesPageBody.safeParse({
    studies: [],
    nextPageToken: member('nextPageToken'),
    totalCount: member('totalCount'),
  });
  if (!page.success) throw new InvalidResponseError(url, bodyText(body), 'not a studies page');
  return {
    studies: layout.elements.map((element) =>
      element.object
        ? protocolStudy(url, body.subarray(element.start, element.end), element.object, modules)
        : toRawStudy(parseSpan(url, body, element.start, element.end)),
    ),
    nextPageToken: page.data.nextPageToken ?? null,
    totalCount: page.data.totalCount ?? null,
  };
}

const PROTOCOL = new Set(['protocolSection']);
const VIEW_PARSED = new Set(['hasResults']);
const NULL_LITERAL = Buffer.from('null');

/** Whether the value at [start, end) is the literal null (compared in place: no view per member). */
function isNullLiteral(bytes: Buffer, start: number, end: number): boolean {
  return (
    end - start === NULL_LITERAL.length &&
    bytes.compare(NULL_LITERAL, 0, NULL_LITERAL.length, start, end) === 0
  );
}

/**
 * The members of an object laid out in `bytes`: those in `parsed` parsed, the others present but not
 * parsed (`{}`, or `null` when served null). A member laid out itself is viewed the same way with `inner`.
 */
function objectView(
  url: string,
  bytes: Buffer,
  layout: ObjectLayout,
  parsed: (key: string, span: MemberSpan) => boolean,
  inner?: (span: MemberSpan, layout: ObjectLayout) => unknown,
): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [key, span] of layout.members) {
    if (span.object && inner) view[key] = inner(span, span.object);
    else if (parsed(key, span)) view[key] = parseSpan(url, bytes, span.valueStart, span.valueEnd);
    else view[key] = isNullLiteral(bytes, span.valueStart, span.valueEnd) ? null : {};
  }
  return view;
}

function viewOf(
  url: string,
  bytes: Buffer,
  layout: ObjectLayout,
  modules: ReadonlySet<string> | undefined,
): Record<string, unknown> {
  return objectView(
    url,
    bytes,
    layout,
    (key) => key === 'protocolSection' || VIEW_PARSED.has(key),
    modules && ((_span, protocol) => objectView(url, bytes, protocol, (key) => modules.has(key))),
  );
}

/**
 * The protocol view of a study the client kept the bytes and layout of (RawStudy.partial), with other
 * modules of protocolSection parsed than the client did: a later stage parses what it reads when it reads
 * it. Throws InvalidResponseError when a module to parse is not JSON after all (the scan checks structure,
 * not every literal).
 */
export function studyView(study: RawStudy, modules: ReadonlySet<string>): Record<string, unknown> {
  const { bytes, layout } = study;
  if (!bytes || !layout || !layout.members.get('protocolSection')?.object) {
    throw new Error('studyView needs a study with its bytes and protocolSection laid out');
  }
  return viewOf('(study bytes)', bytes, layout, modules);
}

/** One study's protocol view (RawStudy.partial); a study whose NCT id is not there is parsed whole. */
function protocolStudy(
  url: string,
  bytes: Buffer,
  layout: ObjectLayout,
  modules: ReadonlySet<string> | undefined,
): RawStudy {
  if (layout.members.has('protocolSection')) {
    const study = toRawStudy(viewOf(url, bytes, layout, modules));
    if (study.nctId !== null) return { ...study, bytes, layout, partial: true };
  }
  const study = toRawStudy(parseSpan(url, bytes, 0, bytes.length));
  return study.nctId === null ? study : { ...study, bytes, layout };
}

/** JSON.parse of a part of a body the scan accepted; one that still fails is a body that is not JSON. */
function parseSpan(url: string, body: Buffer, start: number, end: number): unknown {
  return parseJsonBody(url, body.subarray(start, end));
}

/** /studies/{id}: a body that parses is returned whatever it holds; one that does not is retryable. */
export function parseStudy(
  url: string,
  bytes: Buffer,
  records: StudyRecords = 'whole',
  modules?: ReadonlySet<string>,
): RawStudy {
  const served = trimJsonWhitespace(withoutBom(bytes));
  const layout = scanObject(served, modules ? PROTOCOL : undefined);
  if (layout && records === 'protocol') return protocolStudy(url, served, layout, modules);
  const raw = toRawStudy(parseJsonBody(url, bytes));
  if (raw.nctId === null) return { ...raw, text: bodyText(bytes) };
  return layout ? { ...raw, bytes: served, layout } : { ...raw, bytes: served };
}

/**
 * A study's JSON as served without one top-level member (and its comma), with the whitespace between
 * tokens removed when there is any: the parts, in order, of the same JSON as `JSON.stringify` gives for
 * the record without that member, when the record was served as the registry serializes (compact, UTF-8,
 * no \u escapes of printable characters). Null without bytes and layout.
 */
export function servedJsonWithout(study: RawStudy, key: string): Uint8Array[] | null {
  const { bytes, layout } = study;
  if (!bytes || !layout) return null;
  const member = layout.members.get(key);
  let parts = [bytes];
  if (member) {
    const [start, end] = memberWithComma(bytes, member);
    parts = [bytes.subarray(0, start), bytes.subarray(end)];
  }
  return layout.compact ? parts : [compactJson(Buffer.concat(parts))];
}

export function parseVersion(url: string, bytes: Buffer): ApiVersion {
  const body = VersionBody.safeParse(parseJsonBody(url, bytes));
  if (!body.success) throw new InvalidResponseError(url, bodyText(bytes), 'not a version body');
  return body.data;
}
