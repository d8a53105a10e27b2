import { describe, expect, it } from 'vitest';
import { redactWebhookUrl } from './redact-webhook-url.js';

describe('redactWebhookUrl', () => {
  it('keeps scheme, host and port and hides a Slack webhook path', () => {
    const redacted = redactWebhookUrl('https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX');
    expect(redacted).toBe('https://hooks.slack.com/…');
    expect(redacted).not.toContain('T0000');
  });

  it('hides query tokens and credentials too', () => {
    expect(redactWebhookUrl('http://user:pw@127.0.0.1:8080/hook?token=abc')).toBe('http://127.0.0.1:8080/…');
    expect(redactWebhookUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/');
  });

  it('never echoes something that is not a URL', () => {
    expect(redactWebhookUrl('hooks.slack.com/services/secret')).toBe('<invalid url>');
  });
});
