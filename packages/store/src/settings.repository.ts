import type { Collection } from 'mongodb';
import type {
  BaselineDoc,
  CohortDoc,
  DeliveryDoc,
  DriftDoc,
  OpsAlertDoc,
  SubscriptionDoc,
} from './documents.js';
import { findByIds } from './find-by-ids.js';
import { insertNew } from './store.js';

export class CohortsRepository {
  constructor(private readonly cohorts: Collection<CohortDoc>) {}

  async get(name: string): Promise<CohortDoc | null> {
    return this.cohorts.findOne({ _id: name });
  }

  async list(): Promise<CohortDoc[]> {
    return this.cohorts.find({}).sort({ _id: 1 }).toArray();
  }

  async upsert(cohort: CohortDoc): Promise<void> {
    await this.cohorts.replaceOne({ _id: cohort._id }, cohort, { upsert: true });
  }

  async remove(id: string): Promise<void> {
    await this.cohorts.deleteOne({ _id: id });
  }

  /** Insert the cohort only when it does not exist yet (defaults never overwrite a user's edits). */
  async ensure(cohort: CohortDoc): Promise<void> {
    // Two processes booting at once may both insert: the loser's duplicate is absorbed, the cohort exists.
    await insertNew(this.cohorts, [cohort]);
  }
}

export class BaselinesRepository {
  constructor(private readonly baselines: Collection<BaselineDoc>) {}

  async put(baseline: BaselineDoc): Promise<void> {
    await this.baselines.replaceOne({ _id: baseline._id }, baseline, { upsert: true });
  }

  async get(cohort: string, name: string): Promise<BaselineDoc | null> {
    return this.baselines.findOne({ _id: `${cohort}:${name}` });
  }
}

export class SubscriptionsRepository {
  constructor(private readonly subscriptions: Collection<SubscriptionDoc>) {}

  async upsert(subscription: SubscriptionDoc): Promise<void> {
    await this.subscriptions.replaceOne({ _id: subscription._id }, subscription, { upsert: true });
  }

  async list(): Promise<SubscriptionDoc[]> {
    return this.subscriptions.find({}).sort({ _id: 1 }).toArray();
  }

  async get(id: string): Promise<SubscriptionDoc | null> {
    return this.subscriptions.findOne({ _id: id });
  }

  async remove(id: string): Promise<boolean> {
    return (await this.subscriptions.deleteOne({ _id: id })).deletedCount === 1;
  }
}

export class DeliveriesRepository {
  constructor(private readonly deliveries: Collection<DeliveryDoc>) {}

  static key(eventId: string, subscriptionId: string): string {
    return `${eventId}|${subscriptionId}`;
  }

  async get(eventId: string, subscriptionId: string): Promise<DeliveryDoc | null> {
    return this.deliveries.findOne({ _id: DeliveriesRepository.key(eventId, subscriptionId) });
  }

  async byIds(ids: readonly string[]): Promise<DeliveryDoc[]> {
    return findByIds(this.deliveries, ids);
  }

  async record(delivery: Omit<DeliveryDoc, '_id'>): Promise<void> {
    const _id = DeliveriesRepository.key(delivery.eventId, delivery.subscriptionId);
    await this.deliveries.replaceOne({ _id }, delivery, { upsert: true });
  }

  /** The delivery of one subscription's digest of one day: `digest|subscriptionId|day`. */
  static digestKey(subscriptionId: string, day: string): string {
    return `digest|${subscriptionId}|${day}`;
  }

  async getDigest(subscriptionId: string, day: string): Promise<DeliveryDoc | null> {
    return this.deliveries.findOne({ _id: DeliveriesRepository.digestKey(subscriptionId, day) });
  }

  async recordDigest(day: string, delivery: Omit<DeliveryDoc, '_id' | 'eventId'>): Promise<void> {
    const _id = DeliveriesRepository.digestKey(delivery.subscriptionId, day);
    await this.deliveries.replaceOne({ _id }, { ...delivery, eventId: `digest:${day}` }, { upsert: true });
  }

  list(filter: { status?: DeliveryDoc['status']; subscriptionId?: string } = {}) {
    return this.deliveries.find(filter).sort({ updatedAt: 1 });
  }
}

export class DriftRepository {
  constructor(private readonly drift: Collection<DriftDoc>) {}

  /** One insert-only entry per (run, kind, path, value, study): concurrent normalizers never collide. */
  async record(
    runId: string,
    items: readonly { kind: string; path: string; value: string | null; nctId: string }[],
    now: Date,
  ): Promise<void> {
    const docs = items.map((item) => ({
      _id: `${runId}|${item.kind}|${item.path}|${item.value ?? ''}|${item.nctId}`.slice(0, 900),
      runId,
      kind: item.kind,
      path: item.path,
      value: item.value,
      nctId: item.nctId,
      firstSeenAt: now,
    }));
    await insertNew(this.drift, docs);
  }

  async forRun(runId: string): Promise<DriftDoc[]> {
    return this.drift.find({ runId }).toArray();
  }
}

export class OpsAlertsRepository {
  constructor(private readonly alerts: Collection<OpsAlertDoc>) {}

  /** Raise an alert once: its id is deterministic (kind + run). Returns true when it is new. */
  async raise(alert: Omit<OpsAlertDoc, 'acknowledgedAt'>): Promise<boolean> {
    return (await insertNew(this.alerts, [{ ...alert, acknowledgedAt: null }])) === 1;
  }

  async open(limit = 50): Promise<OpsAlertDoc[]> {
    return this.alerts.find({ acknowledgedAt: null }).sort({ createdAt: -1 }).limit(limit).toArray();
  }
}
