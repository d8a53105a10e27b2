import { runWorkerService } from '@trialwatch/pipeline';
import { fetcherProcessors } from './processors.js';

await runWorkerService({ service: 'fetcher', handlers: fetcherProcessors });
