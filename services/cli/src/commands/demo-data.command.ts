import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { DEMO_SNAPSHOTS, demoRecordsDir, demoSnapshotDir, type DemoSnapshot } from '@trialwatch/demo-data';
import { CliFailure, UsageError } from '../cli-error.js';

interface DemoDataFlags {
  path?: boolean;
  list?: boolean;
  snapshot?: string;
}

/** The two fields `--list` prints; the rest of a record is not this command's business. */
const ListedStudy = z.object({
  protocolSection: z.object({
    identificationModule: z.object({ nctId: z.string() }),
    statusModule: z.object({ overallStatus: z.string(), lastKnownStatus: z.string().optional() }),
  }),
});
type ListedStudy = z.infer<typeof ListedStudy>;

function isDemoSnapshot(name: string): name is DemoSnapshot {
  return (DEMO_SNAPSHOTS as readonly string[]).includes(name);
}

function folderOf(snapshot: string | undefined): string {
  if (snapshot === undefined) return demoRecordsDir;
  if (!isDemoSnapshot(snapshot)) {
    throw new UsageError(`--snapshot: unknown snapshot "${snapshot}" (known: ${DEMO_SNAPSHOTS.join(', ')})`);
  }
  return demoSnapshotDir(snapshot);
}

/** One line a record: `NCT05387603<TAB>RECRUITING`, with the last known status after UNKNOWN. */
async function listLines(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => {
    throw new CliFailure(`demo records not found in ${folder}`);
  });
  const files = names.filter((name) => /^NCT\d{8}\.json$/.test(name)).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = ListedStudy.safeParse(JSON.parse(await readFile(path.join(folder, file), 'utf8')));
      if (!parsed.success)
        throw new CliFailure(`${file}: not a study record (${parsed.error.issues[0]?.message ?? ''})`);
      const { identificationModule, statusModule }: ListedStudy['protocolSection'] =
        parsed.data.protocolSection;
      const lastKnown =
        statusModule.lastKnownStatus === undefined ? '' : ` (last known ${statusModule.lastKnownStatus})`;
      return `${identificationModule.nctId}\t${statusModule.overallStatus}${lastKnown}`;
    }),
  );
}

/** `trialwatch demo-data --path | --list [--snapshot 2024-04]`: the project's own reconstructed records. */
export function registerDemoDataCommand(program: Command): void {
  program
    .command('demo-data')
    .description(
      "the project's demo records (Table 2 and related PRRT trials, reconstructed): where and what",
    )
    .option('--path', 'print the absolute folder of the records')
    .option('--list', 'print each record: NCT id and overall status')
    .option('--snapshot <name>', `use a snapshot instead of today's records (${DEMO_SNAPSHOTS.join(', ')})`)
    .action(async (flags: DemoDataFlags) => {
      if (flags.path === true && flags.list === true) throw new UsageError('give --path or --list, not both');
      const folder = folderOf(flags.snapshot);
      if (flags.path === true) {
        process.stdout.write(`${folder}\n`);
        return;
      }
      if (flags.list !== true) throw new UsageError('say what to print: --path or --list');
      const lines = await listLines(folder);
      process.stdout.write(lines.map((line) => `${line}\n`).join(''));
    });
}
