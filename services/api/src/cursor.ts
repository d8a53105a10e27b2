import { z } from 'zod';

/** A page boundary the client hands back unchanged; its content is ours to change. */
export class BadCursorError extends Error {
  override readonly name = 'BadCursorError';
}

const TrialsCursor = z.object({ k: z.literal('trials'), id: z.string() });
const EventsCursor = z.object({ k: z.literal('events'), at: z.iso.datetime(), id: z.string() });

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode<T>(schema: z.ZodType<T>, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError('cursor is not one this API issued');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new BadCursorError('cursor is not one this API issued (or belongs to another list)');
  return parsed.data;
}

/** Trials page in `_id` order: resume after this NCT id. */
export const trialsCursor = {
  encode: (id: string) => encode({ k: 'trials', id }),
  decode: (text: string) => decode(TrialsCursor, text).id,
};

/** Events page in (detectedAt, _id) order. */
export const eventsCursor = {
  encode: (detectedAt: Date, id: string) => encode({ k: 'events', at: detectedAt.toISOString(), id }),
  decode: (text: string) => {
    const cursor = decode(EventsCursor, text);
    return { detectedAt: new Date(cursor.at), id: cursor.id };
  },
};
