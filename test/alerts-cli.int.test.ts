import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../services/notifier/src/index.js';
import { asProcessEnv, dropEnvironment, testEnvironment, type TestEnvironment } from './support/harness.js';
import { runCli } from './support/processes.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const cli = (env: NodeJS.ProcessEnv, args: readonly string[]) => runCli(['alerts', ...args], env);

/** Each CLI process compiles the CLI with tsx: seconds each on a busy machine. */
const SLOW = 300_000;

/** `trialwatch alerts …` as a user runs it, against the real database and a receiver that verifies signatures. */
describe('trialwatch alerts', { timeout: SLOW }, () => {
  let env: TestEnvironment;
  let processEnv: NodeJS.ProcessEnv;
  let receiver: WebhookReceiver;
  let rejecting: WebhookReceiver;

  beforeAll(async () => {
    env = testEnvironment('http://127.0.0.1:9/api/v2');
    processEnv = asProcessEnv(env);
    receiver = await startWebhookReceiver();
    rejecting = await startWebhookReceiver();
    rejecting.respondWith(400);
  });
  afterAll(async () => {
    await receiver.close();
    await rejecting.close();
    await dropEnvironment(env);
  });

  it('subscribe prints the generated secret once; test sends a sample the receiver verifies with it', async () => {
    const subscribed = await cli(processEnv, [
      'subscribe',
      '--channel',
      'webhook',
      '--url',
      receiver.url,
      '--type',
      'status_changed',
    ]);
    expect(subscribed.code).toBe(0);
    const id = /^subscription (sub_[0-9a-f]+):/m.exec(subscribed.stdout)?.[1] ?? '';
    const secret = /^secret: (\S+)$/m.exec(subscribed.stdout)?.[1] ?? '';
    expect(id).not.toBe('');
    expect(secret.length).toBeGreaterThanOrEqual(32);

    const sent = await cli(processEnv, ['test', '--subscription', id]);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/^HTTP 200 from http:\/\/127\.0\.0\.1:\d+\/… \(delivery test\|/m);
    const [request] = receiver.requests;
    expect(request).toBeDefined();
    if (!request) return;
    expect(request.eventType).toBe('status_changed');
    expect(
      verifyWebhookSignature({
        secret,
        timestamp: request.timestamp,
        body: request.body,
        signature: request.signature,
        now: new Date(),
      }),
    ).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({
      subscription: id,
      event: { nctId: 'NCT00000000', type: 'status_changed' },
    });

    const listed = await cli(processEnv, ['list', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(secret);
    expect(listed.stdout).not.toContain('/hook');
    expect(JSON.parse(listed.stdout.trim())).toMatchObject({
      id,
      channel: 'webhook',
      eventTypes: ['status_changed'],
      secret: `••••${secret.slice(-4)}`,
    });

    expect((await cli(processEnv, ['remove', id])).code).toBe(0);
    expect((await cli(processEnv, ['remove', id])).code).toBe(1);
  });

  it('test exits 1 when the receiver rejects the sample or does not answer', async () => {
    const rejected = await cli(processEnv, ['test', '--url', rejecting.url, '--secret', 's3cret']);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/^HTTP 400 /m);
    expect(rejected.stderr).toMatch(/did not accept the sample \(HTTP 400\)/);
    const unreachable = await cli(processEnv, [
      'test',
      '--url',
      'http://127.0.0.1:9/hook',
      '--secret',
      's3cret',
    ]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/127\.0\.0\.1:9\/… is unreachable/);
  });

  it('bad options are usage errors (exit 2, one line)', async () => {
    // (Option parsing has its unit tests; these two need the database or the command wiring.)
    for (const args of [
      ['subscribe', '--channel', 'slack', '--url', receiver.url, '--cohort', 'no-such-cohort'],
      ['test', '--url', receiver.url],
    ]) {
      const result = await cli(processEnv, args);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
