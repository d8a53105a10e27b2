import { runWorkerService } from '@trialwatch/pipeline';
import { reconcileDigestSchedulesAtBoot } from './digest-schedules.js';
import { notifierProcessors } from './processors.js';

await runWorkerService({
  service: 'notifier',
  handlers: notifierProcessors,
  onStarted: (runtime) => reconcileDigestSchedulesAtBoot(runtime.context),
});
