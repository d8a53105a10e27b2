import type { Command } from 'commander';
import { registerDemoDataCommand } from './demo-data.command.js';
import { registerNormalizeCommand } from './normalize.command.js';
import { registerReplayServerCommand } from './replay-server.command.js';
import { registerServicesCommand } from './services.command.js';
import { registerSyncCommand } from './sync.command.js';
import { registerWorkerCommand } from './worker.command.js';

/** Every command registers itself on the program; add new command modules here. */
export const commandModules: ReadonlyArray<(program: Command) => void> = [
  registerSyncCommand,
  registerWorkerCommand,
  registerServicesCommand,
  registerReplayServerCommand,
  registerDemoDataCommand,
  registerNormalizeCommand,
];
