import type { Command } from 'commander';
import { EVENT_TYPES, type EventType } from '@trialwatch/domain';
import { describeEvent, toEventView, type Store } from '@trialwatch/store';
import { BaselineNotFoundError, baselineDrift, describeDrift } from '@trialwatch/reports';
import { CliFailure, UsageError } from '../cli-error.js';
import { cliConfig, withStore } from '../runtime.js';
import { parseEventTypes } from './parse-event-types.js';

interface ChangesOptions {
  since?: string;
  type?: string[];
  json?: boolean;
  baseline?: string;
  cohort: string;
  nct?: string;
  limit?: string;
}

export function registerChangesCommand(program: Command): void {
  program
    .command('changes')
    .description(
      'List detected changes (events), oldest first; or, with --baseline, the published table against now.',
    )
    .option('--since <iso>', 'only events detected at or after this time (ISO 8601)')
    .option('--type <type...>', `only these event types (${EVENT_TYPES.join(', ')})`)
    .option('--nct <id>', 'only this trial')
    .option('--limit <n>', 'at most this many events')
    .option('--json', 'one JSON object per line')
    .option('--baseline <name>', 'compare the published baseline (e.g. table2) with the statuses now')
    .option('--cohort <name>', 'the cohort of the baseline', 'prrt')
    .action(async (options: ChangesOptions) => {
      const config = cliConfig();
      if (options.baseline) {
        await withStore(config, async (store) => {
          const name = options.baseline ?? 'table2';
          const rows = await baselineDrift(store, options.cohort, name).catch((error: unknown) => {
            if (!(error instanceof BaselineNotFoundError)) throw error;
            throw new CliFailure(
              `${error.message}; import one with \`trialwatch baseline import FILE --cohort ${options.cohort} --name ${name}\``,
            );
          });
          for (const row of rows)
            process.stdout.write(options.json ? `${JSON.stringify(row)}\n` : `${describeDrift(row)}\n`);
          if (!options.json) {
            const changed = rows.filter((row) => row.changed).length;
            process.stdout.write(
              `${rows.length} trials in ${options.cohort}/${options.baseline ?? ''}: ${changed} changed since publication\n`,
            );
          }
        });
        return;
      }
      const query = parseQuery(options);
      await withStore(config, async (store) => listEvents(store, query, options.json === true));
    });
}

function parseQuery(options: ChangesOptions) {
  let since: Date | undefined;
  if (options.since !== undefined) {
    since = new Date(options.since);
    if (Number.isNaN(since.getTime()))
      throw new UsageError(`invalid --since: ${options.since} (an ISO 8601 date or time)`);
  }
  const types = options.type ? parseEventTypes(options.type) : undefined;
  if (options.nct !== undefined && !/^NCT\d{8}$/.test(options.nct))
    throw new UsageError(`invalid --nct: ${options.nct}`);
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0))
    throw new UsageError(`invalid --limit: ${String(options.limit)}`);
  return {
    ...(since ? { since } : {}),
    ...(types ? { types: types as EventType[] } : {}),
    ...(options.nct ? { nctId: options.nct } : {}),
    ...(limit ? { limit } : {}),
  };
}

async function listEvents(
  store: Store,
  query: Parameters<Store['events']['find']>[0],
  json: boolean,
): Promise<void> {
  let count = 0;
  for await (const doc of store.events.find(query)) {
    const view = toEventView(doc);
    process.stdout.write(
      json ? `${JSON.stringify(view)}\n` : `${view.detectedAt.slice(0, 19)}  ${describeEvent(view)}\n`,
    );
    count += 1;
  }
  if (!json) process.stdout.write(`${count} event(s)\n`);
}
