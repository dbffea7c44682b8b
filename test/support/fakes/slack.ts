// A Slack incoming webhook on 127.0.0.1: `ok`, or Slack's plain-text errors (`no_text`,
// `invalid_blocks`, `invalid_payload`) for what Slack refuses. Under /api/ it is the Web API a bot
// token reaches: chat.postMessage and chat.update, answering 200 with `{"ok": false, "error"}`
// for what they refuse (`invalid_auth`, `channel_not_found`, `message_not_found`).
import { startReceiver } from '../receiver.js';
import { json, text, type Fake } from './fake.js';

export interface SlackMessage {
  body: Record<string, unknown>;
  /** Web API messages: their `ts`, and how many times chat.update changed them. */
  ts?: string;
  edits?: number;
}

export const SLACK_BOT_TOKEN = 'xoxb-test-token';

export async function startSlack(): Promise<Fake<SlackMessage>> {
  const messages: SlackMessage[] = [];
  const receiver = await startReceiver((request, response) => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text);
    } catch {
      return text(response, 400, 'invalid_payload');
    }
    const blocks = Array.isArray(body.blocks)
      ? (body.blocks as Array<Record<string, unknown>>)
      : [];
    if (request.url.startsWith('/api/')) {
      const answer = (fields: object) => json(response, 200, fields);
      if (request.headers.authorization !== `Bearer ${SLACK_BOT_TOKEN}`)
        return answer({ ok: false, error: 'invalid_auth' });
      if (body.channel !== 'C0123RELEASES')
        return answer({ ok: false, error: 'channel_not_found' });
      if (!String(body.text ?? '').trim() && blocks.length === 0)
        return answer({ ok: false, error: 'no_text' });
      if (request.url === '/api/chat.update') {
        const message = messages.find(m => m.ts === body.ts);
        if (!message) return answer({ ok: false, error: 'message_not_found' });
        message.body = body;
        message.edits = (message.edits ?? 0) + 1;
        return answer({ ok: true, channel: body.channel, ts: message.ts, text: body.text });
      }
      const ts = `1700000000.${String(100 + messages.length).padStart(6, '0')}`;
      messages.push({ body, ts, edits: 0 });
      return answer({ ok: true, channel: body.channel, ts, message: { text: body.text, ts } });
    }
    if (!String(body.text ?? '').trim() && blocks.length === 0)
      return text(response, 400, 'no_text');
    if (blocks.length > 50 || blocks.some(block => !validBlock(block)))
      return text(response, 400, 'invalid_blocks');
    messages.push({ body });
    text(response, 200, 'ok');
  });
  return { ...receiver, url: `${receiver.url}/services/T000/B000/XXXX`, messages };
}

function validBlock(block: Record<string, unknown>): boolean {
  const textOf = (value: unknown) =>
    typeof value === 'object' && value !== null
      ? String((value as { text?: unknown }).text ?? '')
      : '';
  switch (block.type) {
    case 'header': {
      const title = textOf(block.text);
      return title.length >= 1 && title.length <= 150;
    }
    case 'section': {
      const body = textOf(block.text);
      const fields = Array.isArray(block.fields) ? block.fields : [];
      if (!body && fields.length === 0) return false;
      return (
        body.length <= 3000 && fields.length <= 10 && fields.every(f => textOf(f).length <= 2000)
      );
    }
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      return elements.length >= 1 && elements.length <= 10;
    }
    case 'divider':
    case 'image':
    case 'actions':
      return true;
    default:
      return false;
  }
}
