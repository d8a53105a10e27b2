import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '@trialwatch/config';
import { createLogger } from '@trialwatch/logger';
import { ReplayServerOptions, startReplayServer } from '@trialwatch/replay-server';
import { UsageError } from '../cli-error.js';

interface ReplayServerFlags {
  data: string;
  port: string;
  host: string;
  faultRate?: string;
  delayMs?: string;
  pageSizeCap?: string;
  truncateRate?: string;
  hangRate?: string;
  hangMs?: string;
  stopPagingAfter?: string;
  seed?: string;
  dataTimestamp?: string;
}

const FLAG_OF: Readonly<Record<string, string>> = {
  dataDir: '--data',
  port: '--port',
  host: '--host',
  faultRate: '--fault-rate',
  delayMs: '--delay-ms',
  pageSizeCap: '--page-size-cap',
  truncateRate: '--truncate-rate',
  hangRate: '--hang-rate',
  hangMs: '--hang-ms',
  stopPagingAfter: '--stop-paging-after',
  seed: '--seed',
  dataTimestamp: '--data-timestamp',
};

/** `trialwatch replay-server --data DIR`: the local ClinicalTrials.gov, until SIGTERM or SIGINT. */
export function registerReplayServerCommand(program: Command): void {
  program
    .command('replay-server')
    .description('serve a folder of recorded study JSON files through the ClinicalTrials.gov API v2 surface')
    .requiredOption('--data <dir>', 'folder of recorded studies, one *.json file each')
    .option('--port <n>', 'port to listen on (0 = any free port)', '8787')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--fault-rate <r>', 'share of requests answered 429 or 503 (default REPLAY_FAULT_RATE or 0)')
    .option('--delay-ms <n>', 'latency added to every request')
    .option('--page-size-cap <n>', 'at most this many studies a page')
    .option('--truncate-rate <r>', 'share of 200 bodies cut at a random point')
    .option('--hang-rate <r>', 'share of requests left unanswered (clients time out)')
    .option('--hang-ms <n>', 'how long an unanswered request hangs before a 503 (default 30000)')
    .option('--stop-paging-after <n>', 'end paging after this many studies, totalCount unchanged')
    .option('--seed <n>', 'seed of the fault stream (deterministic faults)')
    .option('--data-timestamp <iso>', 'dataTimestamp reported by /version (default: newest file mtime)')
    .action(async (flags: ReplayServerFlags) => {
      const config = loadConfig('cli');
      const options = parseFlags(flags, config.REPLAY_FAULT_RATE);
      const info = await stat(options.dataDir).catch(() => null);
      if (!info?.isDirectory()) throw new UsageError(`--data: not a directory: ${options.dataDir}`);
      const logger = createLogger({ name: 'replay-server', level: config.LOG_LEVEL });
      const server = await startReplayServer({ ...options, logger });
      process.stdout.write(
        `replay-server listening on ${server.url} (${server.stats.indexedFiles} studies)\n`,
      );
      await untilSignal();
      await server.close();
      logger.info({ stats: server.stats }, 'stopped');
    });
}

function parseFlags(flags: ReplayServerFlags, defaultFaultRate: number | undefined) {
  const parsed = ReplayServerOptions.omit({ logger: true }).safeParse({
    dataDir: flags.data,
    port: number(flags.port, '--port'),
    host: flags.host,
    faultRate: number(flags.faultRate, '--fault-rate') ?? defaultFaultRate,
    delayMs: number(flags.delayMs, '--delay-ms'),
    pageSizeCap: number(flags.pageSizeCap, '--page-size-cap'),
    truncateRate: number(flags.truncateRate, '--truncate-rate'),
    hangRate: number(flags.hangRate, '--hang-rate'),
    hangMs: number(flags.hangMs, '--hang-ms'),
    stopPagingAfter: number(flags.stopPagingAfter, '--stop-paging-after'),
    seed: number(flags.seed, '--seed'),
    dataTimestamp: flags.dataTimestamp,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    throw new UsageError(`${FLAG_OF[key] ?? key}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(value.trim())) throw new UsageError(`${flag}: not a number: ${value}`);
  return Number(value);
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
