// Slack incoming webhooks: https://api.slack.com/messaging/webhooks and the Block Kit limits.
import { fromSlackMarkup, joinParts } from './preview.js';
import {
  cutLine,
  isRecord,
  jsonBody,
  textOf,
  tooLong,
  type Destination,
  type Refusal
} from './types.js';

export const SLACK_LIMITS = {
  blocks: 50,
  header: 150,
  section: 3000,
  sectionFields: 10,
  field: 2000,
  contextElements: 10
};
const L = SLACK_LIMITS;
const FIX = `Fit the changelog with a markup filter, e.g. {{ version.changes | to_slack: ${L.section - 100} }}.`;

/** What chat.update takes of a chat.postMessage body. */
const CHAT_UPDATE_FIELDS = [
  'channel',
  'text',
  'blocks',
  'attachments',
  'metadata',
  'parse',
  'link_names'
];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const slack: Destination = {
  name: 'slack',
  title: 'Slack',
  dialect: 'slack',
  authOptional: ['token'],
  limits: [
    { what: '`blocks`', limit: `${L.blocks}`, handling: 'three: header, section, context' },
    { what: '`header` text', limit: `${L.header}`, handling: 'the title, cut' },
    {
      what: '`section` text',
      limit: `${L.section}`,
      handling: 'the changelog as mrkdwn, cut between blocks'
    },
    { what: 'section `fields`', limit: `${L.sectionFields}, each ${L.field}`, handling: 'none' },
    {
      what: '`context` elements',
      limit: `${L.contextElements}`,
      handling: 'one: the link and size'
    },
    { what: 'mentions', limit: '—', handling: '`& < >` escaped: `<!channel>` in notes is text' }
  ],
  message(announcement, convert) {
    const title = cutLine(announcement.title, L.header);
    const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: title } }];
    const changes = convert(announcement.changes, {
      maxLength: L.section,
      moreUrl: announcement.link || undefined
    });
    if (changes.trim()) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: changes } });
    const facts = [
      announcement.link ? `<${announcement.link}|Download>` : '',
      announcement.size ? escape(announcement.size) : ''
    ].filter(Boolean);
    if (facts.length)
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: facts.join(' · ') }] });
    return { text: `${escape(announcement.title)} is out`, blocks };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Slack takes a JSON object' }];
    const refusals: Refusal[] = [];
    const blocks = Array.isArray(body.blocks) ? body.blocks : [];
    if (!textOf(body.text).trim() && blocks.length === 0)
      refusals.push({ field: 'text', message: 'Slack needs `text` or `blocks` (no_text)' });
    if (blocks.length > L.blocks)
      refusals.push({
        field: 'blocks',
        message: `${blocks.length} blocks; Slack takes at most ${L.blocks}`
      });
    blocks.forEach((block, i) => refusals.push(...checkBlock(block, `blocks[${i}]`)));
    return refusals;
  },
  preview(body) {
    if (!isRecord(body)) return '';
    const blocks = (Array.isArray(body.blocks) ? body.blocks : []).filter(isRecord);
    if (blocks.length === 0) return fromSlackMarkup(textOf(body.text));
    return joinParts(
      blocks.map(block => {
        const text = isRecord(block.text) ? textOf(block.text.text) : '';
        if (block.type === 'header') return `**${text}**`;
        if (block.type === 'context')
          return (Array.isArray(block.elements) ? block.elements : [])
            .map(element => (isRecord(element) ? fromSlackMarkup(textOf(element.text)) : ''))
            .join(' ');
        return fromSlackMarkup(text);
      })
    );
  },
  // With a bot token (`auth.token`) and `url: https://slack.com/api/chat.postMessage`, the Web
  // API: a channel of the payload's choosing, `thread_ts`, an id (`ts`), and edits.
  endpoint: (url, auth) => ({
    url,
    headers: auth.token ? [['Authorization', `Bearer ${auth.token}`]] : []
  }),
  edit: (url, body, id) =>
    /\/chat\.postMessage(?=$|[?#])/.test(url)
      ? {
          method: 'POST',
          url: url.replace(/\/chat\.postMessage(?=$|[?#])/, '/chat.update'),
          body: {
            ...Object.fromEntries(
              Object.entries(body).filter(([key]) => CHAT_UPDATE_FIELDS.includes(key))
            ),
            ts: id
          }
        }
      : undefined,
  editGone: (_status, error) => /message_not_found|cant_update_message/.test(error ?? ''),
  answers: {
    // The Web API answers 200 with `{"ok": false, "error": "…"}`; a webhook answers `ok`.
    failure: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && body.ok === false ? String(body.error ?? 'not ok') : undefined;
    },
    messageId: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && typeof body.ts === 'string' ? body.ts : null;
    }
  }
};

function checkBlock(block: unknown, path: string): Refusal[] {
  if (!isRecord(block)) return [{ field: path, message: 'a block is a JSON object' }];
  const refusals: Refusal[] = [];
  const text = isRecord(block.text) ? textOf(block.text.text) : '';
  if (block.type === 'header' && text.length > L.header)
    refusals.push(tooLong(`${path}.text.text`, text.length, L.header, 'Shorten the title.'));
  if (block.type === 'section') {
    const fields = Array.isArray(block.fields) ? block.fields : [];
    if (!text && fields.length === 0)
      refusals.push({ field: `${path}.text`, message: 'a section needs text or fields' });
    if (text.length > L.section)
      refusals.push(tooLong(`${path}.text.text`, text.length, L.section, FIX));
    if (fields.length > L.sectionFields)
      refusals.push({
        field: `${path}.fields`,
        message: `${fields.length} fields; Slack takes at most ${L.sectionFields}`
      });
    fields.forEach((field, i) => {
      const value = isRecord(field) ? textOf(field.text) : '';
      if (value.length > L.field)
        refusals.push(tooLong(`${path}.fields[${i}].text`, value.length, L.field, FIX));
    });
  }
  if (block.type === 'context') {
    const elements = Array.isArray(block.elements) ? block.elements : [];
    if (elements.length > L.contextElements)
      refusals.push({
        field: `${path}.elements`,
        message: `${elements.length} elements; Slack takes at most ${L.contextElements}`
      });
  }
  return refusals;
}
