import { DatabaseUnavailableError } from '@trialwatch/store';
import type { Command } from 'commander';
import { CliFailure, UsageError } from '../cli-error.js';
import { cliConfig, cliLogger } from '../runtime.js';

interface ApiOptions {
  port: string;
  host: string;
}

export function registerApiCommand(program: Command): void {
  program
    .command('api')
    .description(
      'Serve the HTTP API and the live tables (bearer token from TRIALWATCH_API_TOKEN) until SIGTERM.',
    )
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (options: ApiOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`invalid --port: ${options.port}`);
      const config = cliConfig();
      const token = config.TRIALWATCH_API_TOKEN;
      if (token === undefined) {
        throw new UsageError(
          'TRIALWATCH_API_TOKEN is not set: the API does not start without a token (16 characters or more)',
        );
      }
      const logger = cliLogger(config, 'api');
      // Loaded here, not at the top: the HTTP stack stays out of every other command's start-up.
      const { startApiService } = await import('@trialwatch/api');
      const service = await startApiService({
        mongoUri: config.MONGODB_URI,
        redisUrl: config.REDIS_URL,
        prefix: config.TRIALWATCH_PREFIX,
        token,
        port,
        host: options.host,
        logger,
      }).catch((error: unknown) => {
        if (error instanceof DatabaseUnavailableError) throw new CliFailure(error.message);
        if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
          throw new CliFailure(`port ${port} is in use`);
        throw error;
      });
      process.stdout.write(`api listening on ${service.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          resolve();
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      await service.close();
    });
}
