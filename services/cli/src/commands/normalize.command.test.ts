import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { realPagesDir, realRecordsDir, sharedDir } from '../../../../test/support/paths.js';
import { registerNormalizeCommand } from './normalize.command.js';

/** Runs `trialwatch normalize <files>` in process; returns stdout, stderr and the error thrown, if any. */
async function run(...files: string[]): Promise<{ stdout: string; stderr: string; error: unknown }> {
  const program = new Command('trialwatch').exitOverride();
  registerNormalizeCommand(program);
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  let error: unknown = null;
  try {
    await program.parseAsync(['node', 'trialwatch', 'normalize', ...files]);
  } catch (caught) {
    error = caught;
  }
  vi.restoreAllMocks();
  return { stdout, stderr, error };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const record = (nctId: string) => path.join(realRecordsDir, `${nctId}.json`);

describe('trialwatch normalize', () => {
  it('prints one Trial per line, in the order of the files, leading with the identifying fields', async () => {
    const { stdout, stderr, error } = await run(record('NCT03475563'), record('NCT00184067'));
    expect(error).toBeNull();
    expect(process.exitCode ?? 0).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first?.nctId).toBe('NCT03475563');
    expect(second?.nctId).toBe('NCT00184067');
    expect(Object.keys(first ?? {}).slice(0, 7)).toEqual([
      'nctId',
      'briefTitle',
      'officialTitle',
      'acronym',
      'overallStatus',
      'lastKnownStatus',
      'whyStopped',
    ]);
    expect(first).toMatchObject({ overallStatus: 'UNKNOWN', lastKnownStatus: 'RECRUITING', phases: [] });
    expect(Object.keys(first ?? {})).toEqual(
      expect.arrayContaining(['sites', 'keywords', 'nctIdAliases', 'contentHash']),
    );
  });

  it('names each file it cannot use, goes on with the others, and fails at the end', async () => {
    const missing = path.join(sharedDir, 'no-such-file.json');
    const notJson = path.join(sharedDir, 'ctgov/history-fragment-NCT03690141.txt');
    const page = path.join(realPagesDir, 'page-last-NCT03281889.json');
    const { stdout, stderr, error } = await run(missing, record('NCT04523987'), notJson, page);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { nctId: string }).nctId),
    ).toEqual(['NCT04523987']);
    const errors = stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toBe(`error: ${missing}: cannot read the file (ENOENT)`);
    expect(errors[1]).toMatch(new RegExp(`^error: ${notJson}: not JSON \\(`));
    expect(errors[2]).toMatch(new RegExp(`^error: ${page}: not a study: The record has no valid NCT id`));
    expect(error).toBeNull();
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
});
