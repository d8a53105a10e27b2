import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.js';
import { answers } from '../../services/cli/src/commands/services.command.js';

export interface RunningProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawn a process, collecting its output. */
export function spawnProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): RunningProcess {
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitForLine(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = out.split('\n').find((candidate) => pattern.test(candidate));
        if (line !== undefined) return line;
        if (child.exitCode !== null)
          throw new Error(
            `process exited (${String(child.exitCode)}) before printing ${String(pattern)}\n${err.slice(-3000)}`,
          );
        if (Date.now() > deadline)
          throw new Error(
            `no line matching ${String(pattern)} within ${String(timeoutMs)} ms\n${err.slice(-3000)}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * The node flags of `pnpm trialwatch` (package.json): a bounded heap keeps worker memory flat, and the old
 * generation may grow by 75 % after each full GC (`--heap-growing-percent=75`) instead of V8's small default
 * step, which on the worker's ~40 MB live heap ran a full mark-compact every ~200 ms (docs/BENCHMARKS.md: 100 %
 * was 2 % faster but took the worker's peak RSS to 256 MB once).
 */
export const CLI_NODE_FLAGS = [
  '--max-old-space-size=192',
  '--max-semi-space-size=4',
  '--heap-growing-percent=75',
];

/** node's arguments to run the CLI with `args` (extra node flags, e.g. profiling, after the CLI's own). */
export function cliArgv(args: readonly string[], nodeFlags: readonly string[] = []): string[] {
  return [...CLI_NODE_FLAGS, ...nodeFlags, '--import', 'tsx', 'services/cli/src/main.ts', ...args];
}

/** The CLI as a separate node process (no pnpm wrapper, so signals reach it directly). */
export function spawnCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  nodeFlags: readonly string[] = [],
): RunningProcess {
  return spawnProcess(process.execPath, cliArgv(args, nodeFlags), env);
}

/** Run the CLI to its end: exit code and output. */
export async function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args, env);
  const code = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

/** Peak resident set of a process so far (VmHWM of /proc/PID/status), in bytes; null when it is gone. */
export function readHighWaterMark(pid: number): number | null {
  return readStatusBytes(pid, 'VmHWM');
}

/** Resident set of a process now (VmRSS), in bytes; null when it is gone. */
export function readResidentSet(pid: number): number | null {
  return readStatusBytes(pid, 'VmRSS');
}

function readStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Start `trialwatch worker all` and wait until its workers run. */
export async function startWorkerProcess(env: NodeJS.ProcessEnv, which = 'all'): Promise<RunningProcess> {
  const worker = spawnCli(['worker', which], env);
  await worker.waitForLine(/^worker .* running/, 90_000);
  return worker;
}

/** Run `trialwatch sync --once …` to the end; its last stdout line is the JSON summary. */
export async function runSyncProcess(
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<{ code: number | null; summary: Record<string, unknown>; stdout: string; stderr: string }> {
  const sync = spawnCli(['sync', '--once', ...args], env);
  const timer = setTimeout(() => sync.child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
  if (process.env.TEST_SHOW_OUTPUT) sync.child.stderr.pipe(process.stderr);
  const code = await sync.exited;
  clearTimeout(timer);
  const last = sync.stdout().trim().split('\n').at(-1) ?? '';
  let summary: Record<string, unknown>;
  try {
    summary = JSON.parse(last) as Record<string, unknown>;
  } catch {
    throw new Error(
      `sync printed no JSON summary (exit ${String(code)})\nstdout: ${sync.stdout()}\nstderr: ${sync.stderr().slice(-3000)}`,
    );
  }
  return { code, summary, stdout: sync.stdout(), stderr: sync.stderr() };
}

async function waitForPort(port: number, up: boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await answers('127.0.0.1', port, 500)) !== up) {
    if (Date.now() > deadline)
      throw new Error(`port ${String(port)} still ${up ? 'closed' : 'open'} after ${String(timeoutMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Redis of the test's own: its own port and folder, AOF on (fsync always: nothing acknowledged is lost). */
export async function startOwnRedis(port: number, dir: string): Promise<RunningProcess> {
  mkdirSync(dir, { recursive: true });
  const redis = spawnProcess('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--save',
    '',
    '--maxmemory-policy',
    'noeviction',
  ]);
  await waitForPort(port, true);
  return redis;
}

/** A FerretDB of the test's own (the binary infra/ferretdb/build.sh made), on its own port and folder. */
export async function startOwnFerretDb(port: number, dir: string): Promise<RunningProcess> {
  mkdirSync(dir, { recursive: true });
  const ferret = spawnProcess(path.join(repoRoot, '.data/bin/ferretdb'), [
    '--data-dir',
    dir,
    '--listen-addr',
    `127.0.0.1:${String(port)}`,
  ]);
  await ferret.waitForLine(/^ferretdb ready/, 30_000);
  return ferret;
}

/** A free TCP port (bind to 0, read it, release it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}
