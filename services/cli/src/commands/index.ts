import type { Command } from 'commander';

/** Every command registers itself on the program; add new command modules here. */
export const commandModules: ReadonlyArray<(program: Command) => void> = [];
