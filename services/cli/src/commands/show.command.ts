import type { Command } from 'commander';
import { CliFailure, UsageError } from '../cli-error.js';
import { cliConfig, withStore } from '../runtime.js';

export function registerShowCommand(program: Command): void {
  program
    .command('show')
    .argument('<nctId>', 'the trial')
    .option('--as-of <date>', 'the trial as TrialWatch knew it at this time (ISO 8601)')
    .option('--versions', 'also list the versions kept for the trial')
    .description('Print a trial (JSON): now, or as it was at a date.')
    .action(async (nctId: string, options: { asOf?: string; versions?: boolean }) => {
      const id = nctId.toUpperCase();
      if (!/^NCT\d{8}$/.test(id))
        throw new UsageError(`invalid NCT id: ${nctId} (expected NCT followed by 8 digits)`);
      let asOf: Date | undefined;
      if (options.asOf !== undefined) {
        // A bare date means the end of that day (UTC): "as of 2026-09-01" includes what was seen that day.
        const text = /^\d{4}-\d{2}-\d{2}$/.test(options.asOf)
          ? `${options.asOf}T23:59:59.999Z`
          : options.asOf;
        asOf = new Date(text);
        if (Number.isNaN(asOf.getTime())) throw new UsageError(`invalid --as-of: ${options.asOf}`);
      }
      await withStore(cliConfig(), async (store) => {
        const doc = await store.trials.get(id);
        if (!doc) throw new CliFailure(`${id} is not in the store (sync it first)`);
        const ref = asOf ? await store.trials.versionAt(id, asOf) : doc.versions.at(-1);
        if (!ref)
          throw new CliFailure(
            `${id} was first seen at ${doc.firstSeenAt.toISOString()}, after ${options.asOf ?? ''}`,
          );
        const version = await store.versions.get(ref.id);
        if (!version) throw new CliFailure(`version ${ref.id} of ${id} is missing`);
        const output = {
          ...version.trial,
          _version: {
            id: version._id,
            detectedAt: ref.detectedAt.toISOString(),
            runId: ref.runId,
            lastUpdatePostDate: version.lastUpdatePostDate,
            current: ref.id === doc.versionId && !doc.removed,
            removed: doc.removed,
          },
          ...(options.versions
            ? {
                _versions: doc.versions.map((entry) => ({
                  ...entry,
                  detectedAt: entry.detectedAt.toISOString(),
                })),
              }
            : {}),
        };
        process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      });
    });
}
