import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoRecordsDir, demoSnapshotDir } from '@trialwatch/demo-data';
import { UsageError } from '../cli-error.js';
import { registerDemoDataCommand } from './demo-data.command.js';

/** Runs `trialwatch demo-data <args>` in process and returns what it printed. */
async function run(...args: string[]): Promise<string> {
  const program = new Command('trialwatch').exitOverride();
  registerDemoDataCommand(program);
  let printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  await program.parseAsync(['node', 'trialwatch', 'demo-data', ...args]);
  vi.restoreAllMocks();
  return printed;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('trialwatch demo-data', () => {
  it("prints the folder of today's records, or of a snapshot", async () => {
    expect(await run('--path')).toBe(`${demoRecordsDir}\n`);
    expect(await run('--snapshot', '2024-04', '--path')).toBe(`${demoSnapshotDir('2024-04')}\n`);
  });

  it('lists each record with its status, sorted by NCT id', async () => {
    const lines = (await run('--list')).trimEnd().split('\n');
    expect(lines).toHaveLength(24);
    expect(lines).toContain('NCT05387603\tRECRUITING');
    expect(lines).toContain('NCT04525638\tUNKNOWN (last known RECRUITING)');
    expect([...lines].sort()).toEqual(lines);
    const april = (await run('--snapshot', '2024-04', '--list')).split('\n');
    expect(april).toContain('NCT05387603\tNOT_YET_RECRUITING');
  });

  it('rejects an unknown snapshot, both flags, or neither', async () => {
    await expect(run('--snapshot', '2023-01', '--list')).rejects.toThrow(UsageError);
    await expect(run('--snapshot', '2023-01', '--list')).rejects.toThrow(
      'unknown snapshot "2023-01" (known: 2024-04)',
    );
    await expect(run('--path', '--list')).rejects.toThrow('give --path or --list, not both');
    await expect(run()).rejects.toThrow('say what to print: --path or --list');
  });
});
