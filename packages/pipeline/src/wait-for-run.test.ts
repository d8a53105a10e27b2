import type { SyncRunDoc } from '@trialwatch/store';
import { describe, expect, it } from 'vitest';
import { RunWaitError, waitForRun } from './wait-for-run.js';

const run = (status: SyncRunDoc['status']) => ({ _id: 'run_x', status }) as SyncRunDoc;

describe('waitForRun', () => {
  it('returns the run once it has left running', async () => {
    const answers = [run('running'), run('running'), run('completed')];
    const finished = await waitForRun({ get: () => Promise.resolve(answers.shift() ?? null) }, 'run_x');
    expect(finished.status).toBe('completed');
  });

  it('keeps waiting through database errors, reporting each', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const finished = await waitForRun(
      {
        get: () => {
          calls += 1;
          return calls === 1
            ? Promise.reject(new Error('connection refused'))
            : Promise.resolve(run('incomplete'));
        },
      },
      'run_x',
      { onDatabaseError: (error) => errors.push(error) },
    );
    expect(finished.status).toBe('incomplete');
    expect(errors).toHaveLength(1);
  });

  it('fails when the run is gone, and after its deadline', async () => {
    await expect(waitForRun({ get: () => Promise.resolve(null) }, 'run_x')).rejects.toMatchObject({
      reason: 'missing',
    });
    const stuck = waitForRun({ get: () => Promise.resolve(run('running')) }, 'run_x', { timeoutMs: 300 });
    await expect(stuck).rejects.toBeInstanceOf(RunWaitError);
    await expect(stuck).rejects.toMatchObject({ reason: 'timeout' });
  });
});
