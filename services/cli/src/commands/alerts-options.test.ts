import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli-error.js';
import { maskSecret, subscriptionFromOptions, subscriptionView, testTarget } from './alerts-options.js';
import { parseEventTypes } from './parse-event-types.js';

const generated = {
  id: 'sub_1',
  secret: 'generated-secret-0123456789',
  now: new Date('2026-11-26T00:00:00Z'),
};

describe('alerts subscribe options', () => {
  it('builds a webhook subscription with the generated secret, every cohort and type by default', () => {
    expect(
      subscriptionFromOptions({ channel: 'webhook', url: 'https://example.test/hook' }, generated),
    ).toEqual({
      _id: 'sub_1',
      cohort: null,
      eventTypes: [],
      channel: 'webhook',
      url: 'https://example.test/hook',
      secret: 'generated-secret-0123456789',
      enabled: true,
      createdAt: generated.now,
    });
  });

  it('keeps a given secret, cohort and types (comma or space separated, deduplicated)', () => {
    const subscription = subscriptionFromOptions(
      {
        channel: 'slack',
        url: 'https://hooks.example.test/x',
        secret: 'mine',
        cohort: 'prrt',
        type: ['status_changed,results_posted', 'status_changed'],
      },
      generated,
    );
    expect(subscription).toMatchObject({
      secret: 'mine',
      cohort: 'prrt',
      eventTypes: ['results_posted', 'status_changed'],
    });
  });

  it('gives a digest its format and schedule, defaulting to a signed webhook at 07:00 UTC', () => {
    expect(
      subscriptionFromOptions({ channel: 'digest', url: 'http://127.0.0.1:1/d' }, generated),
    ).toMatchObject({
      digestFormat: 'webhook',
      digestCron: '0 7 * * *',
    });
    expect(
      subscriptionFromOptions(
        { channel: 'digest', url: 'http://127.0.0.1:1/d', digestFormat: 'slack', digestCron: '30 6 * * 1-5' },
        generated,
      ),
    ).toMatchObject({ digestFormat: 'slack', digestCron: '30 6 * * 1-5' });
  });

  it.each([
    [{ url: 'https://example.test' }, /--channel is required/],
    [{ channel: 'email', url: 'https://example.test' }, /invalid --channel: email/],
    [{ channel: 'webhook' }, /--url is required/],
    [{ channel: 'webhook', url: 'ftp://example.test/x' }, /http or https only/],
    [{ channel: 'webhook', url: 'not a url' }, /invalid --url/],
    [
      { channel: 'webhook', url: 'https://example.test', type: ['status_change'] },
      /unknown --type: status_change/,
    ],
    [{ channel: 'webhook', url: 'https://example.test', digestFormat: 'slack' }, /go with --channel digest/],
    [{ channel: 'digest', url: 'https://example.test', digestFormat: 'email' }, /invalid --digest-format/],
    [{ channel: 'digest', url: 'https://example.test', digestCron: '07:00' }, /invalid --digest-cron/],
    [{ channel: 'webhook', url: 'https://example.test', cohort: 'a b' }, /invalid --cohort/],
  ])('rejects %o as a usage error', (options, message) => {
    expect(() => subscriptionFromOptions(options, generated)).toThrow(UsageError);
    expect(() => subscriptionFromOptions(options, generated)).toThrow(message);
  });

  it('never echoes a rejected URL whole', () => {
    expect(() =>
      subscriptionFromOptions({ channel: 'slack', url: 'ftp://hooks.example.test/T0/B0/SECRET' }, generated),
    ).toThrow(/^((?!SECRET).)*$/);
  });

  it('parses types without options as every type', () => {
    expect(parseEventTypes(undefined)).toEqual([]);
  });
});

describe('alerts test options', () => {
  it('targets a stored subscription, or an ad-hoc webhook that must carry a secret', () => {
    expect(testTarget({ subscription: 'sub_1' })).toEqual({ subscriptionId: 'sub_1' });
    expect(testTarget({ url: 'http://127.0.0.1:1/h', secret: 's' })).toEqual({
      target: { _id: 'adhoc', channel: 'webhook', url: 'http://127.0.0.1:1/h', secret: 's' },
    });
    expect(testTarget({ url: 'https://hooks.example.test/x', channel: 'slack' })).toMatchObject({
      target: { channel: 'slack' },
    });
  });

  it('rejects mixed or missing targets', () => {
    expect(() => testTarget({})).toThrow(UsageError);
    expect(() => testTarget({ subscription: 'sub_1', url: 'http://127.0.0.1:1/h' })).toThrow(UsageError);
    expect(() => testTarget({ url: 'http://127.0.0.1:1/h' })).toThrow(/--secret is required/);
    expect(() => testTarget({ url: 'http://127.0.0.1:1/h', secret: 's', channel: 'digest' })).toThrow(
      /invalid --channel/,
    );
  });
});

describe('alerts list view', () => {
  it('redacts the URL and masks the secret', () => {
    const subscription = subscriptionFromOptions(
      { channel: 'slack', url: 'https://hooks.example.test/services/T0/B0/XYZ' },
      generated,
    );
    const view = subscriptionView(subscription);
    expect(view.url).toBe('https://hooks.example.test/…');
    expect(view.secret).toBe('••••6789');
    expect(JSON.stringify(view)).not.toContain(generated.secret);
    expect(maskSecret('short')).toBe('••••');
  });
});
