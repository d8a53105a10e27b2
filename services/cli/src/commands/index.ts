import type { Command } from 'commander';
import { registerReplayServerCommand } from './replay-server.command.js';

/** Every command registers itself on the program; add new command modules here. */
export const commandModules: ReadonlyArray<(program: Command) => void> = [registerReplayServerCommand];
