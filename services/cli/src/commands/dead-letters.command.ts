import type { Command } from 'commander';
import { STAGE_NAMES, type StageName } from '@trialwatch/queues';
import type { DeadLetterDoc } from '@trialwatch/store';
import { CliFailure, UsageError } from '../cli-error.js';
import { cliConfig, cliLogger, connectPipeline, withStore } from '../runtime.js';

export function registerDeadLettersCommand(program: Command): void {
  const command = program
    .command('dead-letters')
    .description('Jobs and records that failed for good, with the reason.');
  command
    .command('list')
    .option('--run <runId>', 'only this run')
    .option('--all', 'include replayed ones')
    .option('--json', 'one JSON object per line (raw text included)')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (options: { run?: string; all?: boolean; json?: boolean; limit: string }) => {
      await withStore(cliConfig(), async (store) => {
        const letters = await store.deadLetters
          .list({
            ...(options.run ? { runId: options.run } : {}),
            pendingOnly: !options.all,
            limit: Number(options.limit) || 100,
          })
          .toArray();
        for (const letter of letters) {
          if (options.json) process.stdout.write(`${JSON.stringify(letter)}\n`);
          else
            process.stdout.write(
              `${letter._id}\n  ${letter.stage} ${letter.errorKind} ${letter.nctId ?? '-'}: ${letter.reason.slice(0, 200)}\n`,
            );
        }
        if (!options.json) process.stdout.write(`${String(letters.length)} dead letter(s)\n`);
      });
    });
  command
    .command('replay')
    .argument('[id]', 'the dead letter to replay')
    .option('--all', 'replay every pending dead letter that can be replayed')
    .description(
      'Queue the failed work again (after the cause is fixed). Invalid records cannot be replayed: the registry must fix them.',
    )
    .action(async (id: string | undefined, options: { all?: boolean }) => {
      if (!id && !options.all) throw new UsageError('give a dead-letter id, or --all');
      const config = cliConfig();
      const { context, close } = await connectPipeline(config, cliLogger(config));
      try {
        const letters: DeadLetterDoc[] = id
          ? [await context.store.deadLetters.get(id)].filter(
              (letter): letter is DeadLetterDoc => letter !== null,
            )
          : await context.store.deadLetters.list({ pendingOnly: true }).toArray();
        if (id && letters.length === 0) throw new CliFailure(`no dead letter ${id}`);
        let replayed = 0;
        for (const letter of letters) {
          const job = replayable(letter);
          if (!job) {
            process.stdout.write(
              `skip ${letter._id}: ${letter.errorKind} is not replayable (the input itself is invalid)\n`,
            );
            continue;
          }
          // A failed job keeps its deterministic id in BullMQ: remove it so the same id can run again.
          const queue = context.queues.queue(job.stage);
          await (await queue.getJob(letter.jobId))?.remove();
          await queue.add(job.name, job.data, { jobId: `${letter.jobId}.replay${String(Date.now())}` });
          await context.store.deadLetters.markReplayed(letter._id, new Date());
          replayed += 1;
          process.stdout.write(`replayed ${letter._id} → ${job.stage}\n`);
        }
        process.stdout.write(`${String(replayed)} replayed\n`);
      } finally {
        await close();
      }
    });
}

/** What to queue again for a dead letter, or null when its input is invalid. */
function replayable(letter: DeadLetterDoc): { stage: StageName; name: string; data: unknown } | null {
  if (letter.errorKind === 'invalid_record') return null;
  if (letter.errorKind === 'invalid_study') {
    const rawId = (letter.payload as { rawId?: unknown }).rawId;
    if (typeof rawId !== 'string' || !letter.runId) return null;
    return {
      stage: 'normalize',
      name: 'normalize-batch',
      data: { runId: letter.runId, batchId: `replay-${rawId.slice(-8)}`, rawIds: [rawId] },
    };
  }
  if (!(STAGE_NAMES as string[]).includes(letter.stage)) return null;
  const stage = letter.stage as StageName;
  return { stage, name: jobName(stage), data: letter.payload };
}

function jobName(stage: StageName): string {
  const names: Record<StageName, string> = {
    fetch: 'fetch-page',
    verify: 'verify-trials',
    normalize: 'normalize-batch',
    detect: 'detect-changes',
    finalize: 'finalize-run',
    deliver: 'deliver-event',
    digest: 'send-digest',
    schedule: 'start-sync',
  };
  return names[stage];
}
