import type { Command } from 'commander';
import { isCronPattern } from '@trialwatch/queues';
import { reconcileSchedules, ensureDefaultCohorts } from '@trialwatch/scheduler';
import type { CohortDoc } from '@trialwatch/store';
import { UsageError } from '../cli-error.js';
import { cliConfig, cliLogger, connectPipeline } from '../runtime.js';

interface SetOptions {
  cron?: string;
  tz?: string;
  query?: string;
  intr?: string;
  ids?: string;
  description?: string;
  enable?: boolean;
  disable?: boolean;
}

export function registerScheduleCommand(program: Command): void {
  const schedule = program
    .command('schedule')
    .description(
      'Cohorts and their sync schedules (stored in MongoDB, reconciled as BullMQ job schedulers).',
    );
  schedule
    .command('list')
    .option('--json', 'one JSON object per line')
    .action(async (options: { json?: boolean }) => {
      const config = cliConfig();
      const { context, close } = await connectPipeline(config, cliLogger(config));
      try {
        const { states, rejected } = await reconcileSchedules(context);
        for (const [cohort, reason] of rejected)
          process.stderr.write(`warning: cohort ${cohort} is not scheduled: ${reason}\n`);
        const cohorts = await context.store.cohorts.list();
        for (const cohort of cohorts) {
          const state = states.find((entry) => entry.cohort === cohort._id);
          const row = {
            cohort: cohort._id,
            cron: cohort.cron,
            timeZone: cohort.timeZone,
            enabled: cohort.enabled,
            next: state?.next ?? null,
            ids: cohort.ids.length,
            searches: cohort.searches,
          };
          process.stdout.write(
            options.json
              ? `${JSON.stringify(row)}\n`
              : `${cohort._id}\t${cohort.cron}\t${cohort.timeZone}\t${cohort.enabled ? `next ${row.next ?? '-'}` : 'disabled'}\t${String(row.ids)} ids, ${String(cohort.searches.length)} searches\n`,
          );
        }
      } finally {
        await close();
      }
    });
  schedule
    .command('set')
    .argument('<cohort>', 'cohort name (created when new)')
    .option('--cron <expr>', 'cron expression, e.g. "0 2 * * *"')
    .option('--tz <zone>', 'IANA time zone, e.g. UTC or Europe/Stockholm')
    .option('--query <term>', 'search: query.term (Essie)')
    .option('--intr <term>', 'search: query.intr (interventions)')
    .option('--ids <ids>', 'fixed members: NCT ids separated by commas')
    .option('--description <text>')
    .option('--enable')
    .option('--disable')
    .action(async (name: string, options: SetOptions) => {
      if (!/^[a-z0-9][a-z0-9_-]{0,40}$/.test(name))
        throw new UsageError(`invalid cohort name: ${name} (lowercase letters, digits, _ and -)`);
      if (options.cron !== undefined && !isCronPattern(options.cron))
        throw new UsageError(`invalid --cron: ${options.cron}`);
      if (options.tz !== undefined && !validTimeZone(options.tz))
        throw new UsageError(`invalid --tz: ${options.tz}`);
      if (options.enable && options.disable) throw new UsageError('choose --enable or --disable');
      const ids = options.ids
        ?.split(/[,\s|]+/)
        .filter(Boolean)
        .map((id) => id.toUpperCase());
      const badId = ids?.find((id) => !/^NCT\d{8}$/.test(id));
      if (badId) throw new UsageError(`invalid NCT id in --ids: ${badId}`);
      const config = cliConfig();
      const { context, close } = await connectPipeline(config, cliLogger(config));
      try {
        await ensureDefaultCohorts(context);
        const existing = await context.store.cohorts.get(name);
        const searches = [
          ...(options.query ? [{ queryTerm: options.query }] : []),
          ...(options.intr ? [{ queryIntr: options.intr }] : []),
        ];
        if (!existing && searches.length === 0 && !ids?.length)
          throw new UsageError(`a new cohort needs --query, --intr or --ids`);
        const cohort: CohortDoc = {
          _id: name,
          description: options.description ?? existing?.description ?? '',
          ids: ids ?? existing?.ids ?? [],
          searches: searches.length > 0 ? searches : (existing?.searches ?? []),
          cron: options.cron?.trim() ?? existing?.cron ?? '0 2 * * *',
          timeZone: options.tz ?? existing?.timeZone ?? 'UTC',
          enabled: options.disable ? false : options.enable ? true : (existing?.enabled ?? true),
          updatedAt: new Date(),
        };
        await context.store.cohorts.upsert(cohort);
        const { states, rejected } = await reconcileSchedules(context);
        const reason = rejected.get(name);
        if (reason !== undefined) {
          // A cron BullMQ cannot parse: put the old definition back (or drop the new cohort).
          if (existing) await context.store.cohorts.upsert(existing);
          else await context.store.cohorts.remove(name);
          await reconcileSchedules(context);
          throw new UsageError(`schedule rejected: ${reason}`);
        }
        const state = states.find((entry) => entry.cohort === name);
        process.stdout.write(
          `${name}: ${cohort.cron} ${cohort.timeZone} ${cohort.enabled ? `next ${state?.next ?? '-'}` : 'disabled'}\n`,
        );
      } finally {
        await close();
      }
    });
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
