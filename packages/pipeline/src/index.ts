export {
  checkedKey,
  type FetchContext,
  type PipelineContext,
  type PipelineSettings,
} from './pipeline-context.js';
export { pageKey, runProgress, type RunProgress, type RunTotals } from './run-progress.js';
export { maybeFinalizeRun, recordDeadLetter } from './run-lifecycle.js';
export {
  createPipelineContext,
  FETCH_STAGE_MODULES,
  startPipelineWorkers,
  type HandlerFactories,
  type PipelineRuntime,
  type RuntimeConfig,
} from './worker-runtime.js';
export { runWorkerService } from './run-worker-service.js';
export { StagingArea } from './staging-area.js';
export { RunWaitError, waitForRun } from './wait-for-run.js';
