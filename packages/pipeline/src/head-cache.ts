import type { TrialHead } from '@trialwatch/store';
import type { Redis } from 'ioredis';

/**
 * A Redis mirror of the trials' heads (version, content hash, registry date, cohorts), so that the fetcher
 * can tell a page of 1,000 unchanged studies from changed ones with one HMGET instead of 1,000 lookups.
 * MongoDB stays the truth: the cache is written after the database, a miss means "maybe new" (the
 * normalizer then settles against the stored head), and losing the cache costs one heavier sync.
 */
export class HeadCache {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    database: string,
  ) {
    this.key = `${prefix}:heads:${database}`;
  }

  async get(nctIds: readonly string[]): Promise<Map<string, TrialHead>> {
    const heads = new Map<string, TrialHead>();
    const unique = [...new Set(nctIds)];
    for (let start = 0; start < unique.length; start += 1000) {
      const chunk = unique.slice(start, start + 1000);
      const values = await this.redis.hmget(this.key, ...chunk);
      values.forEach((value, index) => {
        const nctId = chunk[index];
        if (value && nctId) heads.set(nctId, { nctId, ...(JSON.parse(value) as Omit<TrialHead, 'nctId'>) });
      });
    }
    return heads;
  }

  async set(heads: readonly TrialHead[]): Promise<void> {
    if (heads.length === 0) return;
    const fields: Record<string, string> = {};
    for (const { nctId, ...head } of heads) fields[nctId] = JSON.stringify(head);
    await this.redis.hset(this.key, fields);
  }
}
