import { readFile } from 'node:fs/promises';
import { BaselineParseError, parseBaseline, summarizeBaseline } from '@trialwatch/baseline';
import type { Command } from 'commander';
import { CliFailure, UsageError } from '../cli-error.js';
import { cliConfig, withStore } from '../runtime.js';

interface ImportOptions {
  json?: boolean;
  cohort: string;
  name: string;
  format?: string;
}

export function registerBaselineCommand(program: Command): void {
  const baseline = program
    .command('baseline')
    .description("A published table as the cohort's baseline (Table 2 of the review).");
  baseline
    .command('import')
    .argument('<file>', 'the table as TSV, or an HTML page (a journal article) with the table in it')
    .description(
      'Parse the table, map each printed status to a registry value, and store it as the published baseline.',
    )
    .option('--json', 'print a JSON summary as the last line')
    .option('--cohort <name>', 'the cohort the table belongs to', 'prrt')
    .option('--name <name>', 'the baseline name', 'table2')
    .option('--format <format>', 'tsv or html (default: detect)')
    .action(async (file: string, options: ImportOptions) => {
      if (options.format !== undefined && options.format !== 'tsv' && options.format !== 'html') {
        throw new UsageError(`invalid --format: ${options.format} (tsv or html)`);
      }
      if (!/^[a-z0-9][a-z0-9_-]*$/.test(options.cohort) || !/^[a-z0-9][a-z0-9_-]*$/.test(options.name)) {
        throw new UsageError('--cohort and --name take lowercase letters, digits, _ and -');
      }
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new CliFailure(
          `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      let rows;
      try {
        rows = parseBaseline(text, options.format);
      } catch (error) {
        if (error instanceof BaselineParseError) throw new CliFailure(`${file}: ${error.message}`);
        throw error;
      }
      const summary = summarizeBaseline(rows);
      await withStore(cliConfig(), (store) =>
        store.baselines.put({
          _id: `${options.cohort}:${options.name}`,
          cohort: options.cohort,
          name: options.name,
          source: file,
          importedAt: new Date(),
          rows,
        }),
      );
      for (const row of rows) {
        const mapped = row.status ?? `unmapped ("${row.statusAsPublished}")`;
        process.stdout.write(`${row.nctId}\t${row.trialId ?? '-'}\t${row.statusAsPublished}\t→ ${mapped}\n`);
      }
      process.stdout.write(
        `baseline ${options.cohort}/${options.name}: ${summary.trials} trials, ${summary.mapped} statuses mapped, ${summary.unmapped} unmapped\n`,
      );
      if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    });
}
