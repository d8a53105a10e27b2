import type { Redis } from 'ioredis';

/**
 * A pacer shared by every process that talks to the registry: requests are spaced evenly by a slot clock
 * kept in Redis, so two fetcher processes together still stay under the configured requests per minute.
 */
const RESERVE_SLOT = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextSlot)
redis.call('SET', KEYS[1], slot + interval, 'PX', math.max(interval * 2, 1000))
return slot - now
`;

export interface SharedPacer {
  acquire(signal?: AbortSignal): Promise<void>;
}

export function createRedisPacer(redis: Redis, key: string, requestsPerMinute: number): SharedPacer {
  const intervalMs = Math.ceil(60_000 / requestsPerMinute);
  return {
    async acquire(signal?: AbortSignal): Promise<void> {
      const waitMs = Number(await redis.eval(RESERVE_SLOT, 1, key, Date.now(), intervalMs));
      if (waitMs <= 0) return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, waitMs);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
          },
          { once: true },
        );
      });
    },
  };
}
