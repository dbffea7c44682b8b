// A Slack incoming webhook on 127.0.0.1: `ok`, or Slack's plain-text errors (`no_text`,
// `invalid_blocks`, `invalid_payload`) for what Slack refuses.
import { startReceiver } from '../receiver.js';
import { text, type Fake } from './fake.js';

export interface SlackMessage {
  body: Record<string, unknown>;
}

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
