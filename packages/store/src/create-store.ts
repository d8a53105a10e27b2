import { DeadLettersRepository } from './dead-letters.repository.js';
import { EventsRepository } from './events.repository.js';
import { VersionsRepository } from './records.repository.js';
import { RunsRepository } from './runs.repository.js';
import {
  BaselinesRepository,
  CohortsRepository,
  DeliveriesRepository,
  DriftRepository,
  OpsAlertsRepository,
  SubscriptionsRepository,
} from './settings.repository.js';
import { connectDatabase, type ConnectOptions, type Database } from './store.js';
import { TrialsRepository } from './trials.repository.js';

/** Every repository over one connection. */
export interface Store {
  database: Database;
  trials: TrialsRepository;
  versions: VersionsRepository;
  runs: RunsRepository;
  events: EventsRepository;
  deadLetters: DeadLettersRepository;
  cohorts: CohortsRepository;
  baselines: BaselinesRepository;
  subscriptions: SubscriptionsRepository;
  deliveries: DeliveriesRepository;
  drift: DriftRepository;
  opsAlerts: OpsAlertsRepository;
  close(): Promise<void>;
}

export async function createStore(uri: string, options: ConnectOptions = {}): Promise<Store> {
  const database = await connectDatabase(uri, options);
  const c = database.collections;
  return {
    database,
    trials: new TrialsRepository(c.trials),
    versions: new VersionsRepository(c.versions),
    runs: new RunsRepository(c.runs, c.watermarks),
    events: new EventsRepository(c.events),
    deadLetters: new DeadLettersRepository(c.deadLetters),
    cohorts: new CohortsRepository(c.cohorts),
    baselines: new BaselinesRepository(c.baselines),
    subscriptions: new SubscriptionsRepository(c.subscriptions),
    deliveries: new DeliveriesRepository(c.deliveries),
    drift: new DriftRepository(c.drift),
    opsAlerts: new OpsAlertsRepository(c.opsAlerts),
    close: () => database.close(),
  };
}
