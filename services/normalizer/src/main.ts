import { runWorkerService } from '@trialwatch/pipeline';
import { normalizerProcessors } from './processors.js';

await runWorkerService({ service: 'normalizer', handlers: normalizerProcessors });
