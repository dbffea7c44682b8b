// Telegram's Bot API sendMessage on 127.0.0.1: `{"ok":true,"result":{…}}`, or `ok: false` with
// Telegram's descriptions ("message is too long", "can't parse entities: …").
import { startReceiver } from '../receiver.js';
import { json, type Fake } from './fake.js';

const TAGS = [
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
];

export interface TelegramMessage {
  message_id: number;
  text: string;
  /** How many times editMessageText changed it. */
  edits?: number;
}

export async function startTelegram(): Promise<Fake<TelegramMessage>> {
  const messages: TelegramMessage[] = [];
  let next = 100;
  const refuse = (response: Parameters<typeof json>[0], description: string) =>
    json(response, 400, { ok: false, error_code: 400, description: `Bad Request: ${description}` });
  const receiver = await startReceiver((request, response) => {
    const editing = request.url.endsWith('/editMessageText');
    if (!request.url.endsWith('/sendMessage') && !editing)
      return json(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text);
    } catch {
      return refuse(response, "can't parse JSON");
    }
    if (body.chat_id === undefined || body.chat_id === '')
      return refuse(response, 'chat_id is empty');
    let shown = String(body.text ?? '');
    if (String(body.parse_mode ?? '').toLowerCase() === 'html') {
      const parsed = parseHtml(shown);
      if (typeof parsed !== 'string')
        return refuse(response, `can't parse entities: ${parsed.error}`);
      shown = parsed;
    }
    if (!shown.trim()) return refuse(response, 'message text is empty');
    if ([...shown].length > 4096) return refuse(response, 'message is too long');
    if (editing) {
      const edited = messages.find(m => m.message_id === Number(body.message_id));
      if (!edited) return refuse(response, 'message to edit not found');
      edited.text = shown;
      edited.edits = (edited.edits ?? 0) + 1;
      return json(response, 200, {
        ok: true,
        result: { ...edited, chat: { id: body.chat_id }, date: 1780000000, edit_date: 1780000100 }
      });
    }
    const message = { message_id: next++, text: shown };
    messages.push(message);
    json(response, 200, {
      ok: true,
      result: { ...message, chat: { id: body.chat_id }, date: 1780000000 }
    });
  });
  return { ...receiver, url: `${receiver.url}/bot123456:ABC/sendMessage`, messages };
}

/** The text Telegram shows, or why it cannot parse the HTML. */
function parseHtml(html: string): string | { error: string } {
  const stack: string[] = [];
  let shown = '';
  let i = 0;
  while (i < html.length) {
    const char = html[i];
    if (char === '<') {
      const end = html.indexOf('>', i);
      if (end < 0)
        return {
          error: `unclosed start tag at byte offset ${Buffer.byteLength(html.slice(0, i))}`
        };
      const tag = html.slice(i + 1, end).trim();
      const name = /^\/?([a-zA-Z-]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
      if (!TAGS.includes(name))
        return {
          error: `Unsupported start tag "${name}" at byte offset ${Buffer.byteLength(html.slice(0, i))}`
        };
      if (tag.startsWith('/')) {
        if (stack.pop() !== name)
          return { error: `Can't find end tag corresponding to start tag "${name}"` };
      } else stack.push(name);
      i = end + 1;
    } else if (char === '&') {
      const entity = /^&(lt|gt|amp|quot|#\d+|#x[\da-f]+);/i.exec(html.slice(i));
      if (!entity)
        return {
          error: `Unsupported entity at byte offset ${Buffer.byteLength(html.slice(0, i))}`
        };
      shown += { lt: '<', gt: '>', amp: '&', quot: '"' }[entity[1].toLowerCase()] ?? '?';
      i += entity[0].length;
    } else {
      shown += char;
      i++;
    }
  }
  if (stack.length)
    return { error: `Can't find end tag corresponding to start tag "${stack.pop()}"` };
  return shown;
}
