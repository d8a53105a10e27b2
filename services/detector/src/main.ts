import { runWorkerService } from '@trialwatch/pipeline';
import { detectorProcessors } from './processors.js';

await runWorkerService({ service: 'detector', handlers: detectorProcessors });
