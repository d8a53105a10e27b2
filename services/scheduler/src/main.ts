import { runWorkerService } from '@trialwatch/pipeline';
import { schedulerProcessors } from './processors.js';
import { reconcileSchedules } from './reconcile-schedules.js';

await runWorkerService({
  service: 'scheduler',
  handlers: schedulerProcessors,
  onStarted: async (runtime) => {
    const { states } = await reconcileSchedules(runtime.context);
    runtime.context.logger.info({ schedules: states }, 'schedules reconciled');
  },
});
