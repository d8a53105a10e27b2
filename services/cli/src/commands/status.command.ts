import type { Command } from 'commander';
import { STAGE_NAMES } from '@trialwatch/queues';
import { dataAgeHours, listSchedules } from '@trialwatch/scheduler';
import { cliConfig, cliLogger, connectPipeline } from '../runtime.js';

/** Queue depths, recent runs, watermarks, registry lag, dead letters and open alerts. */
export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(
      'Queue depths, last runs with counts and durations, watermarks, lag from the registry, dead letters, alerts.',
    )
    .option('--json', 'one JSON object')
    .option('--runs <n>', 'how many recent runs', '5')
    .action(async (options: { json?: boolean; runs: string }) => {
      const config = cliConfig();
      const { context, close } = await connectPipeline(config, cliLogger(config));
      try {
        const { store } = context;
        const now = Date.now();
        const depths = await context.queues.depths();
        const runs = await store.runs.list({ limit: Math.max(1, Number(options.runs) || 5) }).toArray();
        const scopes = [...new Set(runs.map((run) => run.scope))];
        const watermarks = (await Promise.all(scopes.map((scope) => store.runs.watermark(scope)))).filter(
          (mark) => mark !== null,
        );
        const newest = runs.find((run) => run.dataTimestamp);
        const lagHours = newest?.dataTimestamp ? dataAgeHours(newest.dataTimestamp, now) : null;
        const status = {
          queues: Object.fromEntries(
            STAGE_NAMES.map((stage) => {
              const counts = depths[stage];
              return [
                stage,
                {
                  waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
                  active: counts.active ?? 0,
                  delayed: counts.delayed ?? 0,
                  failed: counts.failed ?? 0,
                },
              ];
            }),
          ),
          runs: runs.map((run) => ({
            runId: run._id,
            scope: run.scope,
            mode: run.mode,
            status: run.status,
            startedAt: run.startedAt.toISOString(),
            durationMs:
              run.summary?.durationMs ?? (run.status === 'running' ? now - run.startedAt.getTime() : null),
            totalCount: run.summary?.totalCount ?? null,
            fetched: run.summary?.fetched ?? null,
            changed: run.summary?.changed ?? null,
            failed: run.summary?.failed ?? null,
            events: run.summary?.events ?? null,
            incompleteReason: run.summary?.incompleteReason ?? null,
          })),
          watermarks: watermarks.map((mark) => ({
            scope: mark._id,
            lastCompletedRunId: mark.lastCompletedRunId,
            lastCompletedAt: mark.lastCompletedAt.toISOString(),
            maxLastUpdatePostDate: mark.maxLastUpdatePostDate,
          })),
          registry: {
            dataTimestamp: newest?.dataTimestamp ?? null,
            lagHours: lagHours === null ? null : Math.round(lagHours * 10) / 10,
          },
          deadLetters: {
            pending: await store.deadLetters.count({ replayedAt: null }),
            total: await store.deadLetters.count(),
          },
          alerts: (await store.opsAlerts.open(10)).map((alert) => ({
            kind: alert.kind,
            runId: alert.runId,
            message: alert.message,
            createdAt: alert.createdAt.toISOString(),
          })),
          schedules: await listSchedules(context),
          trials: await store.trials.count(),
        };
        if (options.json) {
          process.stdout.write(`${JSON.stringify(status)}\n`);
          return;
        }
        const lines = ['queues (waiting/active/delayed/failed):'];
        for (const [stage, counts] of Object.entries(status.queues)) {
          lines.push(
            `  ${stage.padEnd(10)} ${String(counts.waiting)}/${String(counts.active)}/${String(counts.delayed)}/${String(counts.failed)}`,
          );
        }
        lines.push(`trials: ${String(status.trials)}`, 'recent runs:');
        for (const run of status.runs) {
          lines.push(
            `  ${run.runId} ${run.scope} ${run.mode} ${run.status} fetched ${String(run.fetched ?? '-')}/${String(run.totalCount ?? '-')} changed ${String(run.changed ?? '-')} failed ${String(run.failed ?? '-')} in ${run.durationMs === null ? '-' : `${(run.durationMs / 1000).toFixed(1)} s`}${run.incompleteReason ? ` (${run.incompleteReason})` : ''}`,
          );
        }
        for (const mark of status.watermarks)
          lines.push(
            `watermark ${mark.scope}: ${mark.lastCompletedAt} (newest record ${mark.maxLastUpdatePostDate ?? '-'})`,
          );
        lines.push(
          `registry data: ${status.registry.dataTimestamp ?? '-'}${status.registry.lagHours === null ? '' : ` (${String(status.registry.lagHours)} h old)`}`,
        );
        lines.push(
          `dead letters: ${String(status.deadLetters.pending)} pending of ${String(status.deadLetters.total)}`,
        );
        for (const alert of status.alerts) lines.push(`ALERT ${alert.kind}: ${alert.message}`);
        for (const schedule of status.schedules)
          lines.push(
            `schedule ${schedule.cohort}: ${schedule.cron} ${schedule.timeZone} (next ${schedule.next ?? '-'})`,
          );
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await close();
      }
    });
}
