import type { Command } from 'commander';
import { registerApiCommand } from './api.command.js';
import { registerAlertsCommand } from './alerts.command.js';
import { registerBaselineCommand } from './baseline.command.js';
import { registerChangesCommand } from './changes.command.js';
import { registerDeadLettersCommand } from './dead-letters.command.js';
import { registerDemoDataCommand } from './demo-data.command.js';
import { registerExportCommand } from './export.command.js';
import { registerNormalizeCommand } from './normalize.command.js';
import { registerReplayServerCommand } from './replay-server.command.js';
import { registerResetCommand } from './reset.command.js';
import { registerScheduleCommand } from './schedule.command.js';
import { registerServicesCommand } from './services.command.js';
import { registerShowCommand } from './show.command.js';
import { registerStatusCommand } from './status.command.js';
import { registerSyncCommand } from './sync.command.js';
import { registerWorkerCommand } from './worker.command.js';

/** Every command registers itself on the program; add new command modules here. */
export const commandModules: ReadonlyArray<(program: Command) => void> = [
  registerSyncCommand,
  registerChangesCommand,
  registerShowCommand,
  registerBaselineCommand,
  registerWorkerCommand,
  registerStatusCommand,
  registerScheduleCommand,
  registerDeadLettersCommand,
  registerServicesCommand,
  registerReplayServerCommand,
  registerDemoDataCommand,
  registerResetCommand,
  registerNormalizeCommand,
  registerAlertsCommand,
  registerApiCommand,
  registerExportCommand,
];
