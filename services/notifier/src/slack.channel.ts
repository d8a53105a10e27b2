import { describeEvent, type EventView } from '@trialwatch/store';
import type { OutgoingMessage } from './send-message.js';

/** A Slack incoming-webhook message: `text` is the notification fallback, `blocks` what Slack shows. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export type SlackBlock =
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'header'; text: { type: 'plain_text'; text: string } };

/** Slack allows 50 blocks a message and 3,000 characters a section. */
const MAX_BLOCKS = 50;
const MAX_SECTION_CHARS = 2_900;

/** `&`, `<` and `>` are control characters in Slack's mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The event's line (describeEvent) with the NCT id linked to the registry's page. */
function eventLine(view: EventView): string {
  const line = escapeMrkdwn(describeEvent(view));
  const link = `<https://clinicaltrials.gov/study/${view.nctId}|${view.nctId}>`;
  return line.startsWith(view.nctId) ? `${link}${line.slice(view.nctId.length)}` : line;
}

function registryDates(view: EventView): string {
  return `detected ${view.detectedAt} · registry last update ${view.lastUpdatePostDate ?? 'unknown'}`;
}

export function slackEventMessage(view: EventView): SlackMessage {
  return {
    text: describeEvent(view),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: eventLine(view) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(registryDates(view)) }] },
    ],
  };
}

/** One message for a day: a header, then the events' lines packed into sections within Slack's limits. */
export function slackDigestMessage(day: string, views: readonly EventView[]): SlackMessage {
  const title = `TrialWatch digest for ${day}: ${String(views.length)} change${views.length === 1 ? '' : 's'}`;
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title } }];
  // Keep one block free for the "more" note.
  const sectionBudget = MAX_BLOCKS - 2;
  let current: string[] = [];
  let shown = 0;
  const flush = () => {
    if (current.length > 0)
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current.join('\n') } });
    current = [];
  };
  for (const view of views) {
    const line = eventLine(view);
    if (current.length > 0 && current.join('\n').length + line.length + 1 > MAX_SECTION_CHARS) {
      const sections = blocks.length - 1;
      // Flushing makes `sections + 1`; this line would open one more.
      if (sections + 2 > sectionBudget) break;
      flush();
    }
    current.push(line.length > MAX_SECTION_CHARS ? `${line.slice(0, MAX_SECTION_CHARS - 1)}…` : line);
    shown++;
  }
  flush();
  if (shown < views.length) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `…and ${String(views.length - shown)} more (see \`trialwatch changes\`)` },
      ],
    });
  }
  return { text: title, blocks };
}

/** Slack incoming webhooks take the JSON message as is, unsigned (the URL itself is the secret). */
export function slackRequest(url: string, message: SlackMessage): OutgoingMessage {
  return {
    url,
    body: JSON.stringify(message),
    headers: { 'content-type': 'application/json', 'user-agent': 'TrialWatch-Notifier/0.1' },
  };
}
