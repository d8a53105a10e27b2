import { Queue, type DefaultJobOptions, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { stages, STAGE_NAMES, type StageName, type StagePayload } from './stages.js';

/** Per-stage job options laid over the registry's defaults (e.g. a shorter backoff in tests). */
export type StageJobOptions = Partial<Record<StageName, DefaultJobOptions>>;

/** Producer side of the registry: one BullMQ queue per stage, payloads validated before they leave. */
export class PipelineQueues {
  private readonly queues = new Map<StageName, Queue>();

  constructor(
    private readonly connection: Redis,
    readonly prefix: string,
    private readonly jobOptions: StageJobOptions = {},
  ) {}

  queue(stage: StageName): Queue {
    let queue = this.queues.get(stage);
    if (!queue) {
      queue = new Queue(stages[stage].queue, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: { ...stages[stage].options, ...this.jobOptions[stage] },
      });
      this.queues.set(stage, queue);
    }
    return queue;
  }

  async enqueue<S extends StageName>(
    stage: S,
    payload: StagePayload<S>,
    options: JobsOptions = {},
  ): Promise<void> {
    const data = parsePayload(stage, payload);
    const jobId = jobIdFor(stage, data);
    await this.queue(stage).add(
      stages[stage].job,
      data,
      jobId === undefined ? options : { jobId, ...options },
    );
  }

  async enqueueMany<S extends StageName>(stage: S, payloads: readonly StagePayload<S>[]): Promise<void> {
    if (payloads.length === 0) return;
    const jobs = payloads.map((payload) => {
      const data = parsePayload(stage, payload);
      const jobId = jobIdFor(stage, data);
      return { name: stages[stage].job, data, opts: jobId === undefined ? {} : { jobId } };
    });
    await this.queue(stage).addBulk(jobs);
  }

  /** Waiting + active + delayed + prioritized + waiting-children jobs of every stage. */
  async depths(): Promise<Record<StageName, Record<string, number>>> {
    const entries = await Promise.all(
      STAGE_NAMES.map(async (stage) => {
        const counts = await this.queue(stage).getJobCounts(
          'waiting',
          'active',
          'delayed',
          'prioritized',
          'waiting-children',
          'failed',
          'completed',
        );
        return [stage, counts] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<StageName, Record<string, number>>;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}

function parsePayload<S extends StageName>(stage: S, payload: StagePayload<S>): StagePayload<S> {
  return stages[stage].payload.parse(payload) as StagePayload<S>;
}

function jobIdFor<S extends StageName>(stage: S, payload: StagePayload<S>): string | undefined {
  const jobId = stages[stage].jobId as (p: StagePayload<S>) => string | undefined;
  return jobId(payload);
}
