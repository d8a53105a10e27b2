import { describeEvent, type EventView } from '@trialwatch/store';
import { describe, expect, it } from 'vitest';
import { digestMessage, eventMessage } from './compose-message.js';
import { escapeMrkdwn, slackDigestMessage, slackEventMessage, type SlackBlock } from './slack.channel.js';

function statusEvent(nctId: string, why = 'RECRUITING'): EventView {
  return {
    id: `${nctId}:status_changed:-:a>b`,
    nctId,
    type: 'status_changed',
    from: why,
    to: 'TERMINATED',
    registryGenerated: false,
    detectedAt: '2026-11-26T10:00:00.000Z',
    runId: 'run_1',
    lastUpdatePostDate: '2026-11-25',
  };
}

const sectionText = (block: SlackBlock | undefined): string =>
  block?.type === 'section' ? block.text.text : '';

describe('slack channel', () => {
  it('an event is a fallback text and a section whose line links the NCT id to the registry', () => {
    const view = statusEvent('NCT00000002');
    const message = slackEventMessage(view);
    expect(message.text).toBe(describeEvent(view));
    expect(message.blocks.map((block) => block.type)).toEqual(['section', 'context']);
    const line = sectionText(message.blocks[0]);
    expect(line.startsWith('<https://clinicaltrials.gov/study/NCT00000002|NCT00000002>')).toBe(true);
    expect(line).toContain('RECRUITING → TERMINATED');
  });

  it('escapes the characters Slack reads as markup', () => {
    expect(escapeMrkdwn('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    const line = sectionText(slackEventMessage(statusEvent('NCT00000003', '<script>&')).blocks[0]);
    expect(line).toContain('&lt;script&gt;&amp;');
  });

  it('a slack subscription posts the message unsigned, as JSON', () => {
    const message = eventMessage(
      { _id: 'sub_s', channel: 'slack', url: 'https://hooks.example.test/services/x', secret: 'unused' },
      'd1',
      statusEvent('NCT00000004'),
      new Date(),
    );
    expect(message.headers['X-TrialWatch-Signature']).toBeUndefined();
    expect(JSON.parse(message.body)).toEqual(slackEventMessage(statusEvent('NCT00000004')));
  });

  it('a digest lists every event of a small day under one header', () => {
    const views = ['NCT00000005', 'NCT00000006', 'NCT00000007'].map((id) => statusEvent(id));
    const message = slackDigestMessage('2026-11-26', views);
    expect(message.text).toBe('TrialWatch digest for 2026-11-26: 3 changes');
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: message.text } });
    expect(sectionText(message.blocks[1]).split('\n')).toHaveLength(3);
  });

  it('a large digest stays within 50 blocks and 3,000 characters a section and says how many it left out', () => {
    const views = Array.from({ length: 2_000 }, (_, index) =>
      statusEvent(`NCT${String(10_000_000 + index)}`),
    );
    const message = slackDigestMessage('2026-11-26', views);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const sections = message.blocks.filter((block) => block.type === 'section');
    for (const section of sections) expect(sectionText(section).length).toBeLessThanOrEqual(3_000);
    const shown = sections.reduce((sum, section) => sum + sectionText(section).split('\n').length, 0);
    const last = message.blocks.at(-1);
    expect(last?.type).toBe('context');
    const note = last?.type === 'context' ? (last.elements[0]?.text ?? '') : '';
    expect(note).toContain(`…and ${String(views.length - shown)} more`);
    expect(shown).toBeGreaterThan(100);
  });

  it('a digest subscription in slack format sends the Slack digest', () => {
    const views = [statusEvent('NCT00000008')];
    const message = digestMessage(
      {
        _id: 'sub_d',
        channel: 'digest',
        url: 'https://hooks.example.test/x',
        secret: 's',
        digestFormat: 'slack',
      },
      '2026-11-26',
      views,
      new Date(),
    );
    expect(JSON.parse(message.body)).toEqual(slackDigestMessage('2026-11-26', views));
  });
});
