import type { Command } from 'commander';
import { Option } from 'commander';
import { RunWaitError, startPipelineWorkers, waitForRun, type PipelineRuntime } from '@trialwatch/pipeline';
import { openSyncRun, UnknownCohortError, type SyncTarget } from '@trialwatch/scheduler';
import type { SyncRunDoc } from '@trialwatch/store';
import { CliFailure, UsageError } from '../cli-error.js';
import { allProcessors } from '../all-processors.js';
import { cliConfig, cliLogger, connectPipeline } from '../runtime.js';

interface SyncOptions {
  once?: boolean;
  all?: boolean;
  query?: string;
  ids?: string;
  cohort?: string;
  full?: boolean;
  externalWorkers?: boolean;
  timeout?: string;
}

const NCT_ID = /^NCT\d{8}$/;

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('Run one sync through the queues and print its summary (last line: JSON).')
    .option('--once', 'open one run, wait until it has drained, print the summary and exit')
    .option('--all', 'every study the source serves')
    .option('--query <term>', 'studies matching an Essie expression (query.term)')
    .option('--ids <ids>', 'these trials: NCT ids separated by commas')
    .option('--cohort <name>', 'a stored cohort (default: prrt)')
    .option('--full', 'ignore the incremental watermark')
    .option('--external-workers', 'only open the run and enqueue; workers of `trialwatch worker` do the work')
    .addOption(new Option('--timeout <seconds>', 'give up waiting after this long').default('0'))
    .action(async (options: SyncOptions) => {
      if (!options.once)
        throw new UsageError('sync needs --once (the nightly schedule runs in `trialwatch worker all`)');
      const target = parseTarget(options);
      const timeoutMs = parseTimeout(options.timeout);
      const config = cliConfig();
      const logger = cliLogger(config);
      const connection = await connectPipeline(config, logger);
      let runtime: PipelineRuntime | null = null;
      try {
        if (!options.externalWorkers) {
          runtime = await startPipelineWorkers({ config, logger, service: 'cli', handlers: allProcessors });
        }
        const run = await openSyncRun(connection.context, {
          target,
          full: options.full === true,
          trigger: 'cli',
        }).catch((error: unknown) => {
          if (error instanceof UnknownCohortError) throw new UsageError(error.message);
          throw error;
        });
        const finished = await waitForRun(connection.context.store.runs, run._id, {
          timeoutMs,
          onDatabaseError: (error) => {
            process.stderr.write(
              `waiting for the database (${error instanceof Error ? error.message : String(error)})\n`,
            );
          },
        }).catch((error: unknown) => {
          throw error instanceof RunWaitError ? new CliFailure(error.message) : error;
        });
        printSummary(finished);
        if (finished.status !== 'completed') process.exitCode = 1;
      } finally {
        await runtime?.close();
        await connection.close();
      }
    });
}

function parseTarget(options: SyncOptions): SyncTarget {
  const chosen = [options.all, options.query, options.ids, options.cohort].filter(
    (value) => value !== undefined,
  );
  if (chosen.length > 1) throw new UsageError('choose one of --all, --query, --ids, --cohort');
  if (options.all) return { kind: 'all' };
  if (options.query !== undefined) {
    if (options.query.trim() === '') throw new UsageError('--query needs a non-empty term');
    return { kind: 'query', term: options.query.trim() };
  }
  if (options.ids !== undefined) {
    const ids = options.ids
      .split(/[,\s|]+/)
      .filter(Boolean)
      .map((id) => id.toUpperCase());
    const bad = ids.find((id) => !NCT_ID.test(id));
    if (ids.length === 0) throw new UsageError('--ids needs at least one NCT id');
    if (bad) throw new UsageError(`invalid NCT id in --ids: ${bad} (expected NCT followed by 8 digits)`);
    return { kind: 'ids', ids };
  }
  return { kind: 'cohort', name: options.cohort ?? 'prrt' };
}

function parseTimeout(value: string | undefined): number {
  const seconds = Number(value ?? '0');
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`invalid --timeout: ${String(value)}`);
  return seconds * 1000;
}

function printSummary(run: SyncRunDoc): void {
  const summary = run.summary;
  if (!summary) throw new CliFailure(`run ${run._id} ended ${run.status} without a summary`);
  const seconds = (summary.durationMs / 1000).toFixed(1);
  process.stdout.write(
    `sync ${run._id} ${run.status}: ${summary.fetched}/${summary.totalCount} fetched, ${summary.stored} stored, ` +
      `${summary.changed} changed, ${summary.failed} failed, ${summary.events} events, ${summary.verified} re-verified, ` +
      `${summary.removed} removed in ${seconds} s${summary.incompleteReason ? ` (${summary.incompleteReason})` : ''}\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      runId: summary.runId,
      totalCount: summary.totalCount,
      fetched: summary.fetched,
      stored: summary.stored,
      changed: summary.changed,
      failed: summary.failed,
      durationMs: summary.durationMs,
      status: run.status,
      unchanged: summary.unchanged,
      events: summary.events,
      verified: summary.verified,
      removed: summary.removed,
      windowFrom: run.windowFrom,
    })}\n`,
  );
}
