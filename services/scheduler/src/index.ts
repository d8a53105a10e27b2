export { schedulerProcessors } from './processors.js';
export { handleFinalizeRun, RunNotDrainedError } from './finalize-run.handler.js';
export {
  ensureDefaultCohorts,
  dataAgeHours,
  openSyncRun,
  UnknownCohortError,
  type SyncRequest,
  type SyncTarget,
} from './open-sync-run.js';
export { DEFAULT_COHORTS, PRRT_COHORT, PRRT_INTERVENTION_TERMS, TABLE2_NCT_IDS } from './default-cohorts.js';
export { incrementalWindowFrom } from './sync-window.js';
export {
  listSchedules,
  reconcileSchedules,
  reconcileSchedulesAtBoot,
  type ReconciledSchedules,
  type ScheduleState,
} from './reconcile-schedules.js';
