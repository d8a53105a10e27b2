import type { Redis } from 'ioredis';

const STAGING_TTL_SECONDS = 3 * 24 * 3600;

/**
 * Hands records from one stage to the next without a database round trip per study: the fetcher stages
 * a page's changed records (in the archive format) under the batch, the normalizer takes them in one HMGET. The job still
 * carries only ids; what is staged expires, and a retry that finds it gone falls back to the database.
 */
export class StagingArea {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(runId: string, batchId: string, kind: string): string {
    return `${this.prefix}:stage:${runId}:${batchId}:${kind}`;
  }

  async put(
    runId: string,
    batchId: string,
    kind: 'raw' | 'trials',
    entries: ReadonlyMap<string, string | Buffer>,
  ): Promise<void> {
    if (entries.size === 0) return;
    const key = this.key(runId, batchId, kind);
    await this.redis.multi().hset(key, Object.fromEntries(entries)).expire(key, STAGING_TTL_SECONDS).exec();
  }

  async take(
    runId: string,
    batchId: string,
    kind: 'raw' | 'trials',
    ids: readonly string[],
  ): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    if (ids.length === 0) return found;
    const values = await this.redis.hmgetBuffer(this.key(runId, batchId, kind), ...ids);
    values.forEach((value, index) => {
      const id = ids[index];
      if (value && id) found.set(id, value);
    });
    return found;
  }

  async drop(runId: string, batchId: string, kind: 'raw' | 'trials'): Promise<void> {
    await this.redis.del(this.key(runId, batchId, kind));
  }
}
