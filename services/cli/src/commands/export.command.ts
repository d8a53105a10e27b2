import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  createExportTransform,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  eventsExport,
  trialsExport,
  versionsExport,
  type ExportFormat,
  type ExportKind,
} from '@trialwatch/reports';
import type { Store, TrialDoc } from '@trialwatch/store';
import type { Command } from 'commander';
import { CliFailure, UsageError } from '../cli-error.js';
import { periodicGc } from '../periodic-gc.js';
import { ProgressBar } from '../progress-bar.js';
import { cliConfig, withStore } from '../runtime.js';

interface ExportOptions {
  what: string;
  format: string;
  out?: string;
  cohort?: string;
}

/** Documents come in batches of this size: memory stays flat whatever the collection holds. */
const BATCH_SIZE = 500;
/** A full collection every this many records (see periodicGc). */
const GC_EVERY = 2_000;

interface ExportSource {
  stream: Readable;
  count(): Promise<number>;
  transform(
    format: ExportFormat,
    onRecord: (count: number) => void,
  ): ReturnType<typeof createExportTransform>;
}

function exportSource(store: Store, what: ExportKind, cohort: string | undefined): ExportSource {
  switch (what) {
    case 'trials': {
      const filter = cohort ? { cohorts: cohort } : {};
      return {
        stream: store.trials
          .find(filter)
          .project<TrialDoc>(trialsExport.projection)
          .batchSize(BATCH_SIZE)
          .stream(),
        count: () => store.trials.count(filter),
        transform: (format, onRecord) => createExportTransform(trialsExport, format, onRecord),
      };
    }
    case 'events':
      return {
        stream: store.events
          .find(cohort ? { cohort } : {})
          .batchSize(BATCH_SIZE)
          .stream(),
        count: () => store.events.count(cohort ? { cohorts: cohort } : {}),
        transform: (format, onRecord) => createExportTransform(eventsExport, format, onRecord),
      };
    case 'versions':
      return {
        stream: store.versions.stream(versionsExport.projection).batchSize(BATCH_SIZE).stream(),
        count: () => store.versions.count(),
        transform: (format, onRecord) => createExportTransform(versionsExport, format, onRecord),
      };
  }
}

function parseOptions(options: ExportOptions): { what: ExportKind; format: ExportFormat } {
  if (!(EXPORT_KINDS as readonly string[]).includes(options.what)) {
    throw new UsageError(`invalid --what: ${options.what} (${EXPORT_KINDS.join(', ')})`);
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`invalid --format: ${options.format} (${EXPORT_FORMATS.join(', ')})`);
  }
  if (options.cohort !== undefined && !/^[a-z0-9][a-z0-9_-]*$/.test(options.cohort)) {
    throw new UsageError(`invalid --cohort: ${options.cohort}`);
  }
  if (options.cohort !== undefined && options.what === 'versions') {
    throw new UsageError('--cohort filters trials and events, not versions');
  }
  return { what: options.what as ExportKind, format: options.format as ExportFormat };
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Stream trials, events or versions as NDJSON or CSV (columns: docs/EXPORTS.md), in constant memory.',
    )
    .requiredOption('--what <kind>', `what to export: ${EXPORT_KINDS.join(', ')}`)
    .option('--format <format>', EXPORT_FORMATS.join(' or '), 'ndjson')
    .option('--out <file>', 'write to this file (written aside, then renamed) instead of stdout')
    .option('--cohort <name>', 'only trials / events of this cohort')
    .action(async (options: ExportOptions) => {
      const { what, format } = parseOptions(options);
      await withStore(cliConfig(), async (store) => {
        const source = exportSource(store, what, options.cohort);
        const bar = process.stderr.isTTY ? new ProgressBar(process.stderr, await source.count(), what) : null;
        let exported = 0;
        const collect = periodicGc(GC_EVERY);
        const transform = source.transform(format, (count) => {
          exported = count;
          bar?.update(count);
          collect(count);
        });
        if (options.out) await exportToFile(source.stream, transform, options.out);
        else await exportToStdout(source.stream, transform);
        bar?.finish(exported);
      });
    });
}

async function exportToFile(stream: Readable, transform: Writable & Readable, file: string): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    await pipeline(stream, transform, createWriteStream(partial));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw new CliFailure(
      `export to ${file} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function exportToStdout(stream: Readable, transform: Writable & Readable): Promise<void> {
  try {
    await pipeline(stream, transform, process.stdout, { end: false });
  } catch (error) {
    // A reader that went away (`| head`) ends the export; it is not a failure.
    if (error instanceof Error && 'code' in error && error.code === 'EPIPE') return;
    throw error;
  }
}
