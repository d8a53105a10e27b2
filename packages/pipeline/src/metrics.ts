import { createServer, type Server } from 'node:http';
import type { PipelineQueues, StageName } from '@trialwatch/queues';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one worker process: jobs by outcome, job durations, queue depths. */
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly jobs: Counter<'stage' | 'outcome'>;
  private readonly duration: Histogram<'stage'>;

  constructor(
    queues: PipelineQueues,
    service: string,
    clientStats: () => Readonly<Record<string, number>>,
    databaseWrites: () => ReadonlyMap<string, number>,
  ) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'trialwatch_process_' });
    this.jobs = new Counter({
      name: 'trialwatch_jobs_total',
      help: 'Jobs finished by this process, by stage and outcome.',
      labelNames: ['stage', 'outcome'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'trialwatch_job_duration_seconds',
      help: 'Job processing time by stage.',
      labelNames: ['stage'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [this.registry],
    });
    this.labelledGauge(
      'trialwatch_db_write_statements',
      'Write statements (documents inserted, updated or deleted) this process sent to the database, by collection.',
      'collection',
      databaseWrites,
    );
    this.labelledGauge(
      'trialwatch_ctgov_client_events',
      'Registry client counters of this process: requests, retries, rateLimited, serverErrors, timeouts, networkErrors, invalidBodies.',
      'counter',
      () => Object.entries(clientStats()),
    );
    new Gauge({
      name: 'trialwatch_queue_jobs',
      help: 'Jobs in each queue by state.',
      labelNames: ['stage', 'state'],
      registers: [this.registry],
      async collect() {
        const depths = await queues.depths();
        for (const [stage, counts] of Object.entries(depths)) {
          for (const [state, count] of Object.entries(counts)) this.set({ stage, state }, count);
        }
      },
    });
  }

  /** A gauge with one label, read from `read` at every scrape. */
  private labelledGauge(
    name: string,
    help: string,
    label: string,
    read: () => Iterable<readonly [string, number]>,
  ): void {
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      collect() {
        for (const [value, count] of read()) this.set({ [label]: value }, count);
      },
    });
  }

  jobFinished(stage: StageName, outcome: string, durationMs: number): void {
    this.jobs.inc({ stage, outcome });
    this.duration.observe({ stage }, durationMs / 1000);
  }

  /** Serve `/metrics` in the Prometheus text format; resolves with the bound port. */
  async listen(port: number, host = '0.0.0.0'): Promise<{ server: Server; port: number }> {
    const server = createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      this.registry
        .metrics()
        .then((body) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(body))
        .catch((error: unknown) =>
          response.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
        );
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const address = server.address();
    return { server, port: typeof address === 'object' && address ? address.port : port };
  }
}
