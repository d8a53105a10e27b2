import type { EventDoc } from '@trialwatch/store';
import type { ExpectedEvent } from './night-two-edits.js';

/** What a stored event says about the change, without ids, times and versions; sorted for set comparison. */
export function changeOf(event: EventDoc): ExpectedEvent {
  const { nctId, type, field, from, to, kind, registryGenerated, added, removed } = event;
  const shape: Record<string, unknown> = {
    nctId,
    type,
    field,
    from,
    to,
    kind,
    registryGenerated,
    added,
    removed,
  };
  return Object.fromEntries(
    Object.entries(shape).filter(([, value]) => value !== undefined),
  ) as unknown as ExpectedEvent;
}

export function sortChanges<T extends ExpectedEvent>(changes: readonly T[]): T[] {
  const key = (change: T) => `${change.nctId}|${change.type}|${change.field ?? ''}`;
  return [...changes].sort((a, b) => key(a).localeCompare(key(b)));
}
