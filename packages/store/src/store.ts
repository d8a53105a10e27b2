import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type Collection,
  type Db,
  type Document,
} from 'mongodb';
import {
  COLLECTIONS,
  type BaselineDoc,
  type CohortDoc,
  type DeadLetterDoc,
  type DeliveryDoc,
  type DriftDoc,
  type OpsAlertDoc,
  type EventDoc,
  type SubscriptionDoc,
  type SyncRunDoc,
  type TrialDoc,
  type StoredWatermark,
} from './documents.js';
import type { StoredVersionDoc } from './records.repository.js';

export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

export interface Collections {
  trials: Collection<TrialDoc>;
  versions: Collection<StoredVersionDoc>;
  runs: Collection<SyncRunDoc>;
  watermarks: Collection<StoredWatermark>;
  events: Collection<EventDoc>;
  deadLetters: Collection<DeadLetterDoc>;
  cohorts: Collection<CohortDoc>;
  baselines: Collection<BaselineDoc>;
  subscriptions: Collection<SubscriptionDoc>;
  deliveries: Collection<DeliveryDoc>;
  drift: Collection<DriftDoc>;
  opsAlerts: Collection<OpsAlertDoc>;
}

export interface Database {
  client: MongoClient;
  db: Db;
  collections: Collections;
  /** Write statements this process sent, by collection (inserted, updated or deleted documents asked for); empty unless `countWrites`. */
  writes: Map<string, number>;
  close(): Promise<void>;
}

const WRITE_COMMANDS: Record<string, string> = { insert: 'documents', update: 'updates', delete: 'deletes' };

function describe(uri: string): string {
  try {
    const url = new URL(uri.replace(/^mongodb(\+srv)?:/, 'http:'));
    if (url.password) url.password = '***';
    return uri.replace(
      /^(mongodb(\+srv)?:\/\/)[^@/]*@/,
      (_m, scheme: string) => `${scheme}${url.username ? '***@' : ''}`,
    );
  } catch {
    return '<invalid mongodb uri>';
  }
}

export interface ConnectOptions {
  appName?: string;
  serverSelectionTimeoutMS?: number;
  maxPoolSize?: number;
  /**
   * Count write statements per collection (`Database.writes`, for a worker's /metrics). Off by default:
   * it turns on the driver's command monitoring, which also fully decodes every reply for its events.
   */
  countWrites?: boolean;
}

/** Connect and prove the server answers; a dead server gives one message naming the URI. */
export async function connectDatabase(uri: string, options: ConnectOptions = {}): Promise<Database> {
  const client = new MongoClient(uri, {
    appName: options.appName ?? 'trialwatch',
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5_000,
    maxPoolSize: options.maxPoolSize ?? 20,
    retryWrites: false,
    monitorCommands: options.countWrites ?? false,
  });
  const writes = new Map<string, number>();
  if (options.countWrites) {
    client.on('commandStarted', (event) => {
      const field = WRITE_COMMANDS[event.commandName];
      if (!field) return;
      const collection = String(event.command[event.commandName]);
      const statements: unknown = event.command[field];
      const count = Array.isArray(statements) ? statements.length : 1;
      writes.set(collection, (writes.get(collection) ?? 0) + count);
    });
  }
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } catch (error) {
    await client.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `cannot reach MongoDB at ${describe(uri)} (${reason}); start it with \`pnpm trialwatch services up\` or set MONGODB_URI`,
    );
  }
  const db = client.db();
  const collections = Object.fromEntries(
    Object.entries(COLLECTIONS).map(([key, name]) => [key, db.collection(name)]),
  ) as unknown as Collections;
  return { client, db, collections, writes, close: () => client.close() };
}

export const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * An upsert by `_id`, run again when a concurrent upsert of the same `_id` inserted first (the loser gets a
 * duplicate-key error): the second attempt finds the document and updates it.
 */
export async function retryOnDuplicateKey<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return write();
  }
}

/** Insert what is new; documents whose `_id` exists already are left as they are. Returns how many were new. */
export async function insertNew<T extends Document>(
  collection: Collection<T>,
  docs: readonly T[],
): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    // The driver's OptionalUnlessRequiredId cannot be expressed for a generic T.
    const result = await collection.insertMany(docs as never[], { ordered: false });
    return result.insertedCount;
  } catch (error) {
    if (error instanceof MongoBulkWriteError) {
      const writeErrors: readonly { code?: unknown }[] = Array.isArray(error.writeErrors)
        ? error.writeErrors
        : [error.writeErrors];
      if (writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY)) return error.insertedCount;
    }
    if (isDuplicateKeyError(error)) return 0;
    throw error;
  }
}
