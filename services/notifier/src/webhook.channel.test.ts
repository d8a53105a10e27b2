import type { EventView } from '@trialwatch/store';
import { describe, expect, it } from 'vitest';
import { digestMessage, eventMessage } from './compose-message.js';
import { verifyWebhookSignature } from './webhook-signature.js';

const view: EventView = {
  id: 'NCT00000001:date_changed:completionDate:aaaa>bbbb',
  nctId: 'NCT00000001',
  type: 'date_changed',
  field: 'completionDate',
  from: { raw: '2025-06', precision: 'month', type: 'ESTIMATED' },
  to: { raw: '2025-12', precision: 'month', type: 'ESTIMATED' },
  kind: 'slip',
  detectedAt: '2026-11-26T10:00:00.000Z',
  runId: 'run_1',
  lastUpdatePostDate: '2026-11-25',
};
const subscription = {
  _id: 'sub_a',
  channel: 'webhook' as const,
  url: 'http://127.0.0.1:9/hook',
  secret: 's3cret',
};
const now = new Date('2026-11-26T10:00:05.000Z');

describe('webhook channel', () => {
  const message = eventMessage(subscription, `${view.id}|sub_a`, view, now);

  it('posts { id, event, subscription } as JSON to the subscription URL', () => {
    expect(message.url).toBe(subscription.url);
    expect(message.headers['content-type']).toBe('application/json');
    expect(JSON.parse(message.body)).toEqual({ id: `${view.id}|sub_a`, event: view, subscription: 'sub_a' });
  });

  it('names the event type and the delivery, and stamps the time in unix seconds', () => {
    expect(message.headers['X-TrialWatch-Event']).toBe('date_changed');
    expect(message.headers['X-TrialWatch-Delivery']).toBe(`${view.id}|sub_a`);
    expect(message.headers['X-TrialWatch-Timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
  });

  it('signs timestamp and body so that a receiver holding the secret can verify them', () => {
    const check = (secret: string, body = message.body) =>
      verifyWebhookSignature({
        secret,
        body,
        timestamp: message.headers['X-TrialWatch-Timestamp'] ?? '',
        signature: message.headers['X-TrialWatch-Signature'],
        now,
      });
    expect(check('s3cret')).toBe(true);
    expect(check('another')).toBe(false);
    expect(check('s3cret', message.body.replace('slip', 'pull_in'))).toBe(false);
  });

  it('sends a webhook digest as { id, subscription, day, events } with event type "digest"', () => {
    const digest = digestMessage({ ...subscription, channel: 'digest' }, '2026-11-26', [view, view], now);
    expect(digest.headers['X-TrialWatch-Event']).toBe('digest');
    expect(digest.headers['X-TrialWatch-Delivery']).toBe('digest|sub_a|2026-11-26');
    expect(JSON.parse(digest.body)).toEqual({
      id: 'digest|sub_a|2026-11-26',
      subscription: 'sub_a',
      day: '2026-11-26',
      events: [view, view],
    });
  });
});
