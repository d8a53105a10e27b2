import type { Redis } from 'ioredis';

const STAGING_TTL_SECONDS = 3 * 24 * 3600;
/** Batches whose decoded values one process keeps for a taker in the same process (see `put`). */
const LOCAL_BATCHES = 3;

/** A batch as this process staged it: the bytes it wrote to Redis and the values they encode. */
export interface LocalBatch {
  encoded: ReadonlyMap<string, Buffer>;
  decoded: ReadonlyMap<string, unknown>;
}

/**
 * Hands records from one stage to the next without a database round trip per study: the fetcher stages
 * a page's changed records (in the archive format) under the batch, the normalizer takes them in one HMGET. The job still
 * carries only ids; what is staged expires, and a retry that finds it gone falls back to the database.
 */
export class StagingArea {
  /** Decoded values of the last few batches this process staged, by staging key (oldest first). */
  private readonly local = new Map<string, LocalBatch>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly localBatches = LOCAL_BATCHES,
  ) {}

  private key(runId: string, batchId: string, kind: string): string {
    return `${this.prefix}:stage:${runId}:${batchId}:${kind}`;
  }

  async put(
    runId: string,
    batchId: string,
    kind: 'raw' | 'trials',
    entries: ReadonlyMap<string, Buffer>,
    decoded?: ReadonlyMap<string, unknown>,
  ): Promise<void> {
    if (entries.size === 0) return;
    const key = this.key(runId, batchId, kind);
    await this.redis.multi().hset(key, Object.fromEntries(entries)).expire(key, STAGING_TTL_SECONDS).exec();
    if (decoded && this.localBatches > 0) this.keepLocal(key, { encoded: entries, decoded });
  }

  /**
   * Keeps a batch's values in this process only, for a taker in the same process (`takeLocal`): for what
   * another taker can read from the database instead (the normalizer's Trials are in their versions).
   */
  hold(runId: string, batchId: string, kind: 'raw' | 'trials', decoded: ReadonlyMap<string, unknown>): void {
    if (decoded.size === 0 || this.localBatches === 0) return;
    this.keepLocal(this.key(runId, batchId, kind), { encoded: new Map(), decoded });
  }

  private keepLocal(key: string, batch: LocalBatch): void {
    this.local.set(key, batch);
    for (const oldest of this.local.keys()) {
      if (this.local.size <= this.localBatches) break;
      this.local.delete(oldest);
    }
  }

  /**
   * A batch staged with `put` (or held with `hold`) by this same process, if it still holds it (at most the last few
   * batches): with `worker all`, the next stage usually runs where the previous one did and skips both
   * reading Redis and decoding. Taken once; any other taker reads `take`. The values are shared, not
   * copied: neither side may mutate them.
   */
  takeLocal(runId: string, batchId: string, kind: 'raw' | 'trials'): LocalBatch | undefined {
    const key = this.key(runId, batchId, kind);
    const values = this.local.get(key);
    this.local.delete(key);
    return values;
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
    const key = this.key(runId, batchId, kind);
    this.local.delete(key);
    await this.redis.del(key);
  }
}
