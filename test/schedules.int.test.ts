import { reconcileSchedules } from '@trialwatch/scheduler';
import { describe, expect, it } from 'vitest';
import { asProcessEnv, usePipelineContext } from './support/harness.js';
import { runCli } from './support/processes.js';

/** Cohort schedules as data, reconciled into BullMQ job schedulers on the real Redis and database. */
describe('cohort schedules', { timeout: 120_000 }, () => {
  const fixture = usePipelineContext();

  it('a cron BullMQ rejects leaves that cohort unscheduled and the others scheduled', async () => {
    const now = new Date();
    const base = { description: '', searches: [], timeZone: 'UTC', enabled: true, updatedAt: now };
    await fixture.context.store.cohorts.upsert({
      ...base,
      _id: 'good',
      ids: ['NCT00000001'],
      cron: '0 3 * * *',
    });
    await fixture.context.store.cohorts.upsert({
      ...base,
      _id: 'bad',
      ids: ['NCT00000002'],
      cron: '61 * * * *',
    });
    const { states, rejected } = await reconcileSchedules(fixture.context);
    expect([...rejected.keys()]).toEqual(['bad']);
    expect(states.map((state) => state.cohort)).toEqual(expect.arrayContaining(['good', 'prrt']));
    expect(states.map((state) => state.cohort)).not.toContain('bad');
    await fixture.context.store.cohorts.remove('bad');
  });

  it('schedule set refuses such a cron and keeps nothing of the new cohort', async () => {
    const processEnv = asProcessEnv(fixture.env);
    const refused = await runCli(
      ['schedule', 'set', 'late', '--ids', 'NCT00000003', '--cron', '61 * * * *'],
      processEnv,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/schedule rejected/);
    expect(await fixture.context.store.cohorts.get('late')).toBeNull();

    const accepted = await runCli(
      ['schedule', 'set', 'late', '--ids', 'NCT00000003', '--cron', '30 4 * * *'],
      processEnv,
    );
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/^late: 30 4 \* \* \* UTC next \d{4}-/);
  });
});
