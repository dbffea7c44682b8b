// Mattermost incoming webhooks: https://developers.mattermost.com/integrate/webhooks/incoming/
import { markdownAnnouncement } from './markdown-text.js';
import { isRecord, textOf, tooLong, type Destination, type Refusal } from './types.js';

export const MATTERMOST_LIMITS = { text: 16_383 };
const L = MATTERMOST_LIMITS;

export const mattermost: Destination = {
  name: 'mattermost',
  title: 'Mattermost',
  dialect: 'mattermost',
  limits: [
    {
      what: '`text`',
      limit: `${L.text}`,
      handling: 'the changelog as Markdown, cut between blocks'
    }
  ],
  message: (announcement, convert) => markdownAnnouncement(announcement, convert, L.text),
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Mattermost takes a JSON object' }];
    const refusals: Refusal[] = [];
    const text = textOf(body.text);
    if (!text.trim() && !Array.isArray(body.attachments))
      refusals.push({ field: 'text', message: 'Mattermost needs `text` (No text specified)' });
    if (text.length > L.text)
      refusals.push(
        tooLong(
          'text',
          text.length,
          L.text,
          'Fit the changelog with a markup filter, e.g. {{ version.changes | to_mattermost: 16000 }}.'
        )
      );
    return refusals;
  },
  preview: body => (isRecord(body) ? textOf(body.text) : ''),
  answers: {}
};
