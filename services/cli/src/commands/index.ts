import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every command, by name, loaded on demand: `trialwatch changes` imports the changes command alone, not the
 * workers, the API and the replay server (start-up time and memory of every CLI process; see main.ts).
 * Add new command modules here.
 */
export const commandLoaders: Readonly<Record<string, () => Promise<Register>>> = {
  sync: async () => (await import('./sync.command.js')).registerSyncCommand,
  changes: async () => (await import('./changes.command.js')).registerChangesCommand,
  show: async () => (await import('./show.command.js')).registerShowCommand,
  baseline: async () => (await import('./baseline.command.js')).registerBaselineCommand,
  worker: async () => (await import('./worker.command.js')).registerWorkerCommand,
  status: async () => (await import('./status.command.js')).registerStatusCommand,
  schedule: async () => (await import('./schedule.command.js')).registerScheduleCommand,
  'dead-letters': async () => (await import('./dead-letters.command.js')).registerDeadLettersCommand,
  services: async () => (await import('./services.command.js')).registerServicesCommand,
  'replay-server': async () => (await import('./replay-server.command.js')).registerReplayServerCommand,
  'demo-data': async () => (await import('./demo-data.command.js')).registerDemoDataCommand,
  reset: async () => (await import('./reset.command.js')).registerResetCommand,
  normalize: async () => (await import('./normalize.command.js')).registerNormalizeCommand,
  alerts: async () => (await import('./alerts.command.js')).registerAlertsCommand,
  api: async () => (await import('./api.command.js')).registerApiCommand,
  export: async () => (await import('./export.command.js')).registerExportCommand,
};
