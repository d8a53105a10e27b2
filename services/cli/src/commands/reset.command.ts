import type { Command } from 'commander';
import { redactUrl } from '@trialwatch/config';
import { deleteKeysWithPrefix } from '@trialwatch/queues';
import { UsageError } from '../cli-error.js';
import { cliConfig, cliLogger, connectPipeline } from '../runtime.js';

/** Drop the configured database and every Redis key under the configured prefix. */
export function registerResetCommand(program: Command): void {
  program
    .command('reset')
    .description(
      'Delete all TrialWatch data: the database of MONGODB_URI and the queues under TRIALWATCH_PREFIX.',
    )
    .option('--yes', 'really do it')
    .action(async (options: { yes?: boolean }) => {
      if (!options.yes)
        throw new UsageError('reset deletes every trial, version, event and queue: add --yes');
      const config = cliConfig();
      const { context, close } = await connectPipeline(config, cliLogger(config));
      try {
        await context.store.database.db.dropDatabase();
        const deleted = await deleteKeysWithPrefix(context.redis, config.TRIALWATCH_PREFIX);
        process.stdout.write(
          `reset: dropped ${redactUrl(config.MONGODB_URI)} and ${String(deleted)} Redis keys under ${config.TRIALWATCH_PREFIX}:\n`,
        );
      } finally {
        await close();
      }
    });
}
