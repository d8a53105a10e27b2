/**
 * A receiver URL fit for logs, errors and listings: scheme, host and port only. Slack incoming-webhook
 * URLs are secrets in their path, and any webhook URL may carry a token in its path or query.
 */
export function redactWebhookUrl(value: string): string {
  try {
    const url = new URL(value);
    const hidden = url.pathname !== '/' || url.search !== '' || url.username !== '' || url.password !== '';
    return `${url.protocol}//${url.host}${hidden ? '/…' : '/'}`;
  } catch {
    return '<invalid url>';
  }
}
