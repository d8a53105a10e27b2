import { Command, CommanderError } from 'commander';
import { ConfigError } from '@trialwatch/config';
import { CliFailure, UsageError } from './cli-error.js';
import { commandLoaders } from './commands/index.js';

const program = new Command('trialwatch')
  .description(
    'A living, history-keeping copy of ClinicalTrials.gov records, with field-level change alerts.',
  )
  .showHelpAfterError(false)
  .exitOverride()
  .configureOutput({
    outputError: (text, write) => {
      write(text.trimEnd() + '\n');
    },
  });

// Load the command being run (all of them for help, or for a name commander will reject).
const requested = process.argv[2];
const only = requested === undefined ? undefined : commandLoaders[requested];
const registers = await Promise.all((only ? [only] : Object.values(commandLoaders)).map((load) => load()));
for (const register of registers) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander already printed its one line; help and version are not failures.
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.exitCode === 0
    )
      return 0;
    return 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  if (error instanceof CliFailure) {
    process.stderr.write(`error: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
