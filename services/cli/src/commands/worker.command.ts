import type { Command } from 'commander';
import { startPipelineWorkers, type HandlerFactories } from '@trialwatch/pipeline';
import { reconcileDigestSchedulesAtBoot } from '@trialwatch/notifier';
import { STAGE_NAMES, type StageName } from '@trialwatch/queues';
import { reconcileSchedulesAtBoot } from '@trialwatch/scheduler';
import { UsageError } from '../cli-error.js';
import { allProcessors, SERVICE_PROCESSORS } from '../all-processors.js';
import { cliConfig, cliLogger, connectPipeline } from '../runtime.js';

interface WorkerOptions {
  concurrency?: string;
  metricsPort?: string;
  shutdownDeadline: string;
}

/** `all`, a service name (fetcher...) or a stage name (fetch, verify...). */
export function resolveStages(which: string): StageName[] {
  const stagesOf = (processors: HandlerFactories) => Object.keys(processors) as StageName[];
  if (which === 'all') return stagesOf(allProcessors);
  const service = SERVICE_PROCESSORS[which];
  if (service) return stagesOf(service);
  if ((STAGE_NAMES as string[]).includes(which)) return [which as StageName];
  throw new UsageError(
    `unknown worker "${which}": use all, one of ${Object.keys(SERVICE_PROCESSORS).join(', ')}, or a stage (${STAGE_NAMES.join(', ')})`,
  );
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .argument('<stage>', 'all, a service (scheduler, fetcher, normalizer, detector, notifier) or a stage')
    .description(
      'Run pipeline workers until SIGTERM; enqueues nothing (the scheduler reconciles schedules at boot).',
    )
    .option('--concurrency <n>', 'jobs at once per stage (default: per stage)')
    .option('--metrics-port <port>', 'serve Prometheus /metrics on this port (0: any free port)')
    .option('--shutdown-deadline <ms>', 'how long SIGTERM waits for running jobs', '20000')
    .action(async (which: string, options: WorkerOptions) => {
      const stages = resolveStages(which);
      const config = cliConfig();
      const concurrency =
        options.concurrency === undefined ? undefined : parsePositive(options.concurrency, '--concurrency');
      const metricsPort =
        options.metricsPort === undefined
          ? config.METRICS_PORT
          : parsePort(options.metricsPort, '--metrics-port');
      const deadline = parsePositive(options.shutdownDeadline, '--shutdown-deadline');
      const logger = cliLogger(config, `worker-${which}`);
      // Fail fast with a clear message if nothing answers; afterwards workers wait for Redis on their own.
      const probe = await connectPipeline(config, logger);
      await probe.close();
      const runtime = await startPipelineWorkers({
        config: {
          ...config,
          ...(concurrency === undefined ? {} : { WORKER_CONCURRENCY: concurrency }),
          ...(metricsPort === undefined ? {} : { METRICS_PORT: metricsPort }),
        },
        logger,
        service: `worker-${which}`,
        handlers: allProcessors,
        stages,
      });
      if (stages.includes('schedule')) await reconcileSchedulesAtBoot(runtime.context);
      if (stages.includes('digest')) await reconcileDigestSchedulesAtBoot(runtime.context);
      process.stdout.write(
        `worker ${which} running: ${stages.join(', ')}${runtime.metricsPort === null ? '' : ` (metrics on :${String(runtime.metricsPort)}/metrics)`}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          logger.info({ signal }, 'shutting down');
          resolve();
        };
        process.once('SIGTERM', () => {
          stop('SIGTERM');
        });
        process.once('SIGINT', () => {
          stop('SIGINT');
        });
      });
      await runtime.close(deadline);
    });
}

function parsePositive(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new UsageError(`invalid ${name}: ${value} (a positive integer)`);
  return parsed;
}

function parsePort(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new UsageError(`invalid ${name}: ${value}`);
  return parsed;
}
