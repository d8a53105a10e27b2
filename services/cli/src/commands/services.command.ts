import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { redactUrl } from '@trialwatch/config';
import { CliFailure } from '../cli-error.js';
import { cliConfig } from '../runtime.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

function hostPort(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url.replace(/^mongodb(\+srv)?:/, 'http:').replace(/^rediss?:/, 'http:'));
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

/** Does anything accept TCP connections there? */
export function answers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => {
      done(false);
    });
    socket.once('connect', () => {
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
  });
}

async function waitFor(host: string, port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(host, port, 500)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

const isLocal = (host: string) => ['127.0.0.1', 'localhost', '::1'].includes(host);

/** Start Redis (from the machine's redis-server) if it does not answer; data under .data/redis. */
export async function ensureRedis(url: string): Promise<string> {
  const { host, port } = hostPort(url, 6379);
  if (await answers(host, port)) return `redis already answering at ${redactUrl(url)}`;
  if (!isLocal(host))
    throw new CliFailure(`Redis at ${redactUrl(url)} does not answer, and it is not local to start`);
  const dir = path.join(repoRoot, '.data/redis');
  mkdirSync(dir, { recursive: true });
  const result = spawnSync(
    'redis-server',
    [
      path.join(repoRoot, 'infra/redis/redis.conf'),
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--daemonize',
      'yes',
      '--logfile',
      path.join(dir, 'redis.log'),
      '--pidfile',
      path.join(dir, 'redis.pid'),
    ],
    { stdio: 'inherit' },
  );
  if (result.error || result.status !== 0) {
    throw new CliFailure(
      `could not start redis-server (${result.error?.message ?? `exit ${String(result.status)}`}); install it (apt install redis-server) or set REDIS_URL`,
    );
  }
  if (!(await waitFor(host, port, 15_000)))
    throw new CliFailure(`redis-server started but ${host}:${String(port)} does not answer`);
  return `redis started at ${redactUrl(url)} (data ${dir})`;
}

/** Build and start the embedded FerretDB (SQLite) if the MongoDB URI does not answer. */
export async function ensureDatabase(uri: string): Promise<string> {
  const { host, port } = hostPort(uri, 27017);
  if (await answers(host, port)) return `database already answering at ${redactUrl(uri)}`;
  if (!isLocal(host))
    throw new CliFailure(`MongoDB at ${redactUrl(uri)} does not answer, and it is not local to start`);
  const script = path.join(repoRoot, 'infra/ferretdb/start.sh');
  const child = spawn(script, ['--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new CliFailure(`could not start FerretDB with ${script} (exit ${String(code)})`);
  return `ferretdb started at ${redactUrl(uri)} (${output.trim().split('\n').at(-2) ?? 'embedded, SQLite'})`;
}

export function registerServicesCommand(program: Command): void {
  const services = program
    .command('services')
    .description('Local Redis and database for development and tests.');
  services
    .command('up')
    .description(
      'Start Redis and FerretDB locally if they do not answer (idempotent; data under .data/) and print the URLs.',
    )
    .action(async () => {
      const config = cliConfig();
      process.stderr.write(`${await ensureRedis(config.REDIS_URL)}\n`);
      process.stderr.write(`${await ensureDatabase(config.MONGODB_URI)}\n`);
      process.stdout.write(
        `REDIS_URL=${redactUrl(config.REDIS_URL)}\nMONGODB_URI=${redactUrl(config.MONGODB_URI)}\n`,
      );
    });
  services
    .command('status')
    .description('Say whether Redis and the database answer.')
    .action(async () => {
      const config = cliConfig();
      const redis = hostPort(config.REDIS_URL, 6379);
      const mongo = hostPort(config.MONGODB_URI, 27017);
      const redisUp = await answers(redis.host, redis.port);
      const mongoUp = await answers(mongo.host, mongo.port);
      process.stdout.write(`redis ${redisUp ? 'up' : 'down'} ${redactUrl(config.REDIS_URL)}\n`);
      process.stdout.write(`database ${mongoUp ? 'up' : 'down'} ${redactUrl(config.MONGODB_URI)}\n`);
      if (!redisUp || !mongoUp) process.exitCode = 1;
    });
}
