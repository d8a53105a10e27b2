import { EVENT_TYPES } from '@trialwatch/domain';
import { UsageError } from '../cli-error.js';

/** `--type a b` and `--type a,b` both work; every type must be an event type. */
export function parseEventTypes(values: readonly string[] | undefined): string[] {
  const types = (values ?? [])
    .flatMap((value) => value.split(','))
    .map((type) => type.trim())
    .filter(Boolean);
  const unknown = types.find((type) => !(EVENT_TYPES as readonly string[]).includes(type));
  if (unknown) throw new UsageError(`unknown --type: ${unknown} (one of ${EVENT_TYPES.join(', ')})`);
  return [...new Set(types)].sort();
}
