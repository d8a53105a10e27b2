import type { Command } from 'commander';
import { STAGE_NAMES, stages, type StageName } from '@trialwatch/queues';
import type { PipelineContext } from '@trialwatch/pipeline';
import { encodeRawBytes, type DeadLetterDoc } from '@trialwatch/store';
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
          const stage = await replayDeadLetter(context, letter);
          if (!stage) {
            process.stdout.write(
              `skip ${letter._id}: ${letter.errorKind} is not replayable (the input itself is invalid)\n`,
            );
            continue;
          }
          replayed += 1;
          process.stdout.write(`replayed ${letter._id} → ${stage}\n`);
        }
        process.stdout.write(`${String(replayed)} replayed\n`);
      } finally {
        await close();
      }
    });
}

/** Queue a dead letter's work again; returns its stage, or null when its input cannot be replayed. */
export async function replayDeadLetter(
  context: PipelineContext,
  letter: DeadLetterDoc,
): Promise<StageName | null> {
  const job = replayPlan(letter);
  if (!job) return null;
  // A failed job keeps its deterministic id in BullMQ: remove it so the same id can run again.
  const queue = context.queues.queue(job.stage);
  await (await queue.getJob(letter.jobId))?.remove();
  if (job.staged) {
    const { runId, batchId, rawId, json } = job.staged;
    await context.staging.put(runId, batchId, 'raw', new Map([[rawId, encodeRawBytes(json)]]));
  }
  await queue.add(stages[job.stage].job, job.data, {
    jobId: `${letter.jobId}.replay${String(Date.now())}`,
  });
  await context.store.deadLetters.markReplayed(letter._id, new Date());
  return job.stage;
}

export interface Replay {
  stage: StageName;
  data: unknown;
  /** A record to stage first, its JSON as kept (the normalizer reads its batch from the staging area). */
  staged?: { runId: string; batchId: string; rawId: string; json: Buffer };
}

/** What to queue again for a dead letter, or null when its input is invalid. */
export function replayPlan(letter: DeadLetterDoc): Replay | null {
  if (letter.errorKind === 'invalid_record') return null;
  if (letter.errorKind === 'invalid_study') {
    // The record failed the schema: after a fix, normalize it again from the text the dead letter kept.
    const rawId = (letter.payload as { rawId?: unknown }).rawId;
    const text = letter.rawText;
    if (typeof rawId !== 'string' || !letter.runId || text === null || !isJson(text)) return null;
    const batchId = `replay-${rawId.slice(-8)}`;
    return {
      stage: 'normalize',
      data: { runId: letter.runId, batchId, rawIds: [rawId] },
      // Staged as kept (the record as served), so that its archive keeps those bytes.
      staged: { runId: letter.runId, batchId, rawId, json: Buffer.from(text, 'utf8') },
    };
  }
  if (!(STAGE_NAMES as string[]).includes(letter.stage)) return null;
  return { stage: letter.stage as StageName, data: letter.payload };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
