import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { spawnCli } from './support/processes.js';

const TOKEN = 'command-test-token-0123456789';

describe('trialwatch api', () => {
  const env: NodeJS.ProcessEnv & { REDIS_URL: string; TRIALWATCH_PREFIX: string } = {
    ...process.env,
    MONGODB_URI: `${inject('mongoBaseUri')}/tw_test_api_command_${String(process.pid)}`,
    REDIS_URL: inject('redisUrl'),
    TRIALWATCH_PREFIX: `twtest-api-${String(process.pid)}`,
    LOG_LEVEL: 'warn',
  };

  afterAll(async () => {
    // Bull Board touched the queues: remove every key under this test's prefix.
    const redis = new Redis(env.REDIS_URL);
    try {
      const keys = await redis.keys(`${env.TRIALWATCH_PREFIX}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it('refuses to start without a token: exit code 2 and one line', async () => {
    const { TRIALWATCH_API_TOKEN: _unset, ...withoutToken } = env;
    const child = spawnCli(['api', '--port', '0'], withoutToken);
    expect(await child.exited).toBe(2);
    expect(child.stderr().trim()).toMatch(/^error: TRIALWATCH_API_TOKEN is not set/);
    expect(child.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('prints where it listens, answers with the token, and stops on SIGTERM', async () => {
    const child = spawnCli(['api', '--port', '0', '--host', '127.0.0.1'], {
      ...env,
      TRIALWATCH_API_TOKEN: TOKEN,
    });
    try {
      const line = await child.waitForLine(/^api listening on http:\/\/127\.0\.0\.1:\d+$/);
      const base = line.replace('api listening on ', '');
      expect((await fetch(`${base}/trials`)).status).toBe(401);
      const page = await fetch(`${base}/trials`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(page.status).toBe(200);
      expect(await page.json()).toEqual({ items: [], nextCursor: null });
      expect(
        (await fetch(`${base}/admin/queues`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).toBe(200);
    } finally {
      const code = await child.kill('SIGTERM');
      expect(code, child.stderr()).toBe(0);
    }
    expect(child.stderr()).not.toContain(TOKEN);
  });
});
