import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { normalizeStudy, type Trial } from '@trialwatch/domain';

/** The fields printed first, in this order; the rest of the Trial follows in its own order. */
const LEADING_FIELDS = [
  'nctId',
  'briefTitle',
  'officialTitle',
  'acronym',
  'overallStatus',
  'lastKnownStatus',
  'whyStopped',
  'studyType',
  'phases',
  'enrollment',
  'startDate',
  'primaryCompletionDate',
  'completionDate',
  'lastUpdatePostDate',
  'hasResults',
  'leadSponsor',
  'collaborators',
  'conditions',
  'countries',
  'locationCount',
  'interventions',
  'arms',
  'prrt',
  'contentHash',
] as const satisfies ReadonlyArray<keyof Trial>;

function ordered(trial: Trial): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of LEADING_FIELDS) out[field] = trial[field];
  for (const [field, value] of Object.entries(trial)) if (!(field in out)) out[field] = value;
  return out;
}

type FileOutcome = { ok: true; line: string; drift: string | null } | { ok: false; message: string };

async function normalizeFile(file: string): Promise<FileOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `${file}: cannot read the file (${code ?? String(error)})` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    return { ok: false, message: `${file}: not JSON (${detail})` };
  }
  const result = normalizeStudy(raw);
  if (!result.ok) {
    const first = result.issues[0];
    return { ok: false, message: `${file}: not a study: ${result.reason}${first ? ` (${first})` : ''}` };
  }
  const drift =
    result.drift.length > 0 ? JSON.stringify({ file, nctId: result.trial.nctId, drift: result.drift }) : null;
  return { ok: true, line: JSON.stringify(ordered(result.trial)), drift };
}

/**
 * `trialwatch normalize FILE…`: each file holds one study as the API serves it; prints one Trial per line
 * (JSON), in the order of the files. A file that cannot be read or is not a study gets one line on stderr and
 * the others go on; the exit code is then 1. Schema drift goes to stderr, one JSON line per file that has any.
 */
export function registerNormalizeCommand(program: Command): void {
  program
    .command('normalize')
    .description('normalize study records (one per file, as the API serves them) into Trial JSON lines')
    .argument('<files...>', 'study record files (JSON)')
    .action(async (files: string[]) => {
      // A reader that stops early (`| head`) closes the pipe: stop writing, it is not a failure.
      const stdout = { closed: false };
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        stdout.closed = true;
        if (error.code !== 'EPIPE') process.exitCode = 1;
      });
      let failed = 0;
      for (const file of files) {
        if (stdout.closed) break;
        const outcome = await normalizeFile(file);
        if (!outcome.ok) {
          failed++;
          process.stderr.write(`error: ${outcome.message}\n`);
          continue;
        }
        if (outcome.drift !== null) process.stderr.write(`${outcome.drift}\n`);
        process.stdout.write(`${outcome.line}\n`);
      }
      // Each failure already has its line on stderr: no summary line, just the exit code.
      if (failed > 0) process.exitCode = 1;
    });
}
