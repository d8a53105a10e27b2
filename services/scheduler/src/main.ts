import { runWorkerService } from '@trialwatch/pipeline';
import { schedulerProcessors } from './processors.js';
import { reconcileSchedulesAtBoot } from './reconcile-schedules.js';

await runWorkerService({
  service: 'scheduler',
  handlers: schedulerProcessors,
  onStarted: (runtime) => reconcileSchedulesAtBoot(runtime.context),
});
