import { runWorkerService } from '@trialwatch/pipeline';
import { reconcileDigestSchedules } from './digest-schedules.js';
import { notifierProcessors } from './processors.js';

await runWorkerService({
  service: 'notifier',
  handlers: notifierProcessors,
  onStarted: async (runtime) => {
    const schedules = await reconcileDigestSchedules(runtime.context);
    runtime.context.logger.info({ schedules: schedules.length }, 'digest schedules reconciled');
  },
});
