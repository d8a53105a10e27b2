import { loadConfig, type ServiceName } from '@trialwatch/config';
import { createLogger } from '@trialwatch/logger';
import { startPipelineWorkers, type HandlerFactories, type PipelineRuntime } from './worker-runtime.js';

/**
 * The whole life of a worker deployable: parse its environment (a bad value stops it with a message
 * naming the variable), start its stages, run `onStarted` (e.g. reconcile schedules), and on SIGTERM
 * close workers, then queues, then connections, under a deadline.
 */
export async function runWorkerService(options: {
  service: Exclude<ServiceName, 'api' | 'cli'>;
  handlers: HandlerFactories;
  onStarted?: (runtime: PipelineRuntime) => Promise<void>;
  shutdownDeadlineMs?: number;
}): Promise<void> {
  let config;
  try {
    config = loadConfig(options.service);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const logger = createLogger({ name: options.service, level: config.LOG_LEVEL });
  const runtime = await startPipelineWorkers({
    config,
    logger,
    service: options.service,
    handlers: options.handlers,
  });
  await options.onStarted?.(runtime);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.info('shutting down');
  await runtime.close(options.shutdownDeadlineMs ?? 20_000);
}
