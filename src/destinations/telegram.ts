// Telegram Bot API sendMessage: https://core.telegram.org/bots/api#sendmessage
import { escapeHtml, htmlLink } from '../markup/dialects.js';
import { fromTelegramHtml } from './preview.js';
import { isRecord, jsonBody, textOf, type Destination, type Refusal } from './types.js';

export const TELEGRAM_LIMITS = { text: 4096 };
const L = TELEGRAM_LIMITS;
/** The tags Telegram's HTML parse mode knows. */
const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-spoiler',
  'span'
]);

export const telegram: Destination = {
  name: 'telegram',
  title: 'Telegram',
  dialect: 'telegram',
  limits: [
    { what: '`chat_id`', limit: 'required', handling: 'yours: add it in `payload`' },
    {
      what: '`text`',
      limit: `1–${L.text} characters after entity parsing`,
      handling: 'the changelog as HTML, cut between blocks, counted with its tags'
    },
    {
      what: 'HTML',
      limit: 'only Telegram’s tags, balanced; `< > &` escaped elsewhere',
      handling: 'written so, and never a link in a link, a quote in a quote or code in a link'
    }
  ],
  message(announcement, convert) {
    const head = `<b>${escapeHtml(announcement.title)}</b>`;
    const link = announcement.link ? htmlLink(announcement.link, 'Download') : '';
    const tail = [link, announcement.size ? escapeHtml(announcement.size) : '']
      .filter(Boolean)
      .join(' · ');
    // Telegram counts the text after entity parsing: tags take no room.
    const visible = (html: string) => visibleText(html).length;
    const room = L.text - visible(head) - (tail ? visible(tail) + 2 : 0) - 2;
    const changes = convert(announcement.changes, {
      maxLength: room,
      moreUrl: announcement.link || undefined,
      measure: visible
    });
    const text = [head, changes, tail].filter(part => part.trim()).join('\n\n');
    return { text, parse_mode: 'HTML', link_preview_options: { is_disabled: true } };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Telegram takes a JSON object' }];
    const refusals: Refusal[] = [];
    if (body.chat_id === undefined || body.chat_id === null || body.chat_id === '')
      refusals.push({
        field: 'chat_id',
        message:
          'Telegram needs `chat_id`: add it to the payload, e.g. chat_id: "{{ vars.TELEGRAM_CHAT }}"'
      });
    const text = textOf(body.text);
    const html = textOf(body.parse_mode).toUpperCase() === 'HTML';
    const problem = html ? htmlProblem(text) : undefined;
    if (problem) refusals.push({ field: 'text', message: `can't parse entities: ${problem}` });
    const length = html && !problem ? visibleText(text).length : text.length;
    if (!text.trim())
      refusals.push({ field: 'text', message: 'Telegram needs a non-empty `text`' });
    else if (length > L.text)
      refusals.push({
        field: 'text',
        message: `text is ${length} characters after entity parsing; Telegram allows ${L.text}. Fit the changelog with a markup filter, e.g. {{ version.changes | to_telegram: 3900 }}.`
      });
    return refusals;
  },
  edit(url, body, id) {
    const keep = [
      'chat_id',
      'text',
      'parse_mode',
      'entities',
      'link_preview_options',
      'reply_markup'
    ];
    return {
      method: 'POST',
      url: url.replace(/\/sendMessage(?=$|[?#])/, '/editMessageText'),
      body: {
        ...Object.fromEntries(Object.entries(body).filter(([key]) => keep.includes(key))),
        message_id: /^\d+$/.test(id) ? Number(id) : id
      }
    };
  },
  editGone: (_status, error) => /message to edit not found|MESSAGE_ID_INVALID/.test(error ?? ''),
  preview(body) {
    if (!isRecord(body)) return '';
    const text = textOf(body.text);
    return textOf(body.parse_mode).toUpperCase() === 'HTML' ? fromTelegramHtml(text) : text;
  },
  answers: {
    failure: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && body.ok === false
        ? `Telegram answered ok: false: ${textOf(body.description) || 'no description'}`
        : undefined;
    },
    messageId: answer => {
      const body = jsonBody(answer.body);
      const id = isRecord(body) && isRecord(body.result) ? body.result.message_id : undefined;
      return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
    },
    retryAfterMs: answer => {
      const body = jsonBody(answer.body);
      const seconds =
        isRecord(body) && isRecord(body.parameters) ? body.parameters.retry_after : undefined;
      return typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : undefined;
    }
  }
};

/** Why Telegram would not parse this HTML: an unknown tag, an unbalanced one, a bare `<` or `&`. */
function htmlProblem(text: string): string | undefined {
  const open: string[] = [];
  const token =
    /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*"|='[^']*')?)*)\s*>|<|&(#\d+|#x[\da-fA-F]+|amp|lt|gt|quot);?|&/g;
  for (const match of text.matchAll(token)) {
    const [whole, closing, name, attributes] = match;
    if (name === undefined) {
      if (whole === '<') return `a bare "<" at offset ${match.index}; write &lt;`;
      if (whole === '&' || !whole.endsWith(';'))
        return `a bare "&" at offset ${match.index}; write &amp;`;
      continue;
    }
    const tag = name.toLowerCase();
    if (!TAGS.has(tag)) return `unsupported start tag "${tag}" at offset ${match.index}`;
    if (tag === 'span' && !closing && !/class="tg-spoiler"/.test(attributes))
      return 'a span must be class="tg-spoiler"';
    if (closing) {
      if (open.pop() !== tag) return `can't find end tag corresponding to "${tag}"`;
    } else open.push(tag);
  }
  return open.length ? `unclosed start tag "${open[open.length - 1]}"` : undefined;
}

/** The text Telegram shows once it has parsed the entities. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x?[\da-fA-F]+;/g, 'x')
    .replace(/&amp;/g, '&');
}
