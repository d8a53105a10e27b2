export * from './documents.js';
export { DatabaseUnavailableError, type Database } from './store.js';
export {
  TrialsRepository,
  HeadConflictError,
  newTrialDoc,
  type ApplyOutcome,
  type TrialHead,
} from './trials.repository.js';
export {
  decodeRawJson,
  decodeRawRecord,
  decodeRawText,
  encodeRawBytes,
  encodeRawRecord,
  UnreadableVersionError,
  VersionsRepository,
} from './records.repository.js';
export { EventsRepository, type EventQuery } from './events.repository.js';
export { DeadLettersRepository } from './dead-letters.repository.js';
export { RunsRepository, type NewRun } from './runs.repository.js';
export {
  BaselinesRepository,
  CohortsRepository,
  DeliveriesRepository,
  DriftRepository,
  OpsAlertsRepository,
  SubscriptionsRepository,
} from './settings.repository.js';
export { createStore, type Store } from './create-store.js';
export { describeEvent, toEventView, type EventView } from './event-view.js';
