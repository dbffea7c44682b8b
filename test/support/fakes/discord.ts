// A Discord webhook endpoint on 127.0.0.1 that refuses what Discord refuses, in Discord's words:
// 50035 Invalid Form Body with field paths, 50006 for an empty message.
import { startReceiver, type Receiver } from '../receiver.js';
import { json, type Fake } from './fake.js';

const MAX = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  username: 80,
  threadName: 100
};

export interface DiscordMessage {
  id: string;
  /** How many times the message was edited (PATCH …/messages/{id}). */
  edits?: number;
  /** Whether @everyone or @here in the message would have pinged. */
  pinged: boolean;
  body: Record<string, unknown>;
}

export async function startDiscord(): Promise<Fake<DiscordMessage>> {
  const messages: DiscordMessage[] = [];
  let next = 1234567890123456789n;
  const receiver: Receiver = await startReceiver((request, response) => {
    const url = new URL(request.url, 'http://discord');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text);
    } catch {
      return json(response, 400, {
        message: 'The request body contains invalid JSON.',
        code: 50109
      });
    }
    const errors: Record<string, unknown> = {};
    const tooLong = (path: string[], value: unknown, max: number) => {
      if (typeof value === 'string' && [...value].length > max)
        setPath(errors, path, `Must be ${max} or fewer in length.`);
    };
    const content = typeof body.content === 'string' ? body.content : '';
    const embeds = Array.isArray(body.embeds)
      ? (body.embeds as Array<Record<string, unknown>>)
      : [];
    if (!content && embeds.length === 0)
      return json(response, 400, { message: 'Cannot send an empty message', code: 50006 });
    tooLong(['content'], body.content, MAX.content);
    tooLong(['username'], body.username, MAX.username);
    tooLong(['thread_name'], body.thread_name, MAX.threadName);
    if (embeds.length > MAX.embeds)
      setPath(errors, ['embeds'], `Must be ${MAX.embeds} or fewer in length.`);
    embeds.forEach((embed, i) => {
      const at = ['embeds', String(i)];
      tooLong([...at, 'title'], embed.title, MAX.title);
      tooLong([...at, 'description'], embed.description, MAX.description);
      const footer = (embed.footer as Record<string, unknown> | undefined)?.text;
      const author = (embed.author as Record<string, unknown> | undefined)?.name;
      tooLong([...at, 'footer', 'text'], footer, MAX.footer);
      tooLong([...at, 'author', 'name'], author, MAX.author);
      const fields = Array.isArray(embed.fields)
        ? (embed.fields as Array<Record<string, unknown>>)
        : [];
      if (fields.length > MAX.fields)
        setPath(errors, [...at, 'fields'], `Must be ${MAX.fields} or fewer in length.`);
      let total = [embed.title, embed.description, footer, author].reduce<number>(
        (n, v) => n + (typeof v === 'string' ? [...v].length : 0),
        0
      );
      fields.forEach((field, j) => {
        tooLong([...at, 'fields', String(j), 'name'], field.name, MAX.fieldName);
        tooLong([...at, 'fields', String(j), 'value'], field.value, MAX.fieldValue);
        total += [...String(field.name ?? '')].length + [...String(field.value ?? '')].length;
      });
      if (total > MAX.total) setPath(errors, at, `Embed size exceeds maximum size of ${MAX.total}`);
    });
    if (Object.keys(errors).length > 0)
      return json(response, 400, { message: 'Invalid Form Body', code: 50035, errors });
    const allowed = body.allowed_mentions as { parse?: string[] } | undefined;
    const everyone = allowed === undefined || (allowed.parse ?? []).includes('everyone');
    const text = JSON.stringify(embeds) + content;
    const editing = request.method === 'PATCH' ? /\/messages\/(\d+)$/.exec(url.pathname) : null;
    if (request.method === 'PATCH') {
      const message = messages.find(m => m.id === editing?.[1]);
      if (!message) return json(response, 404, { message: 'Unknown Message', code: 10008 });
      message.body = body;
      message.edits = (message.edits ?? 0) + 1;
      return json(response, 200, { id: message.id, type: 0, content, embeds, channel_id: '1' });
    }
    const id = String(next++);
    messages.push({ id, pinged: everyone && /@(everyone|here)\b/.test(content), body });
    if (url.searchParams.get('wait') === 'true')
      return json(response, 200, {
        id,
        type: 0,
        content,
        embeds,
        channel_id: '1',
        length: text.length
      });
    response.writeHead(204).end();
  });
  return { ...receiver, url: `${receiver.url}/api/webhooks/111/token`, messages };
}

/** Discord's `errors` tree: `{"embeds":{"0":{"description":{"_errors":[…]}}}}`. */
function setPath(errors: Record<string, unknown>, path: string[], message: string) {
  let node = errors;
  for (const key of path) node = (node[key] ??= {}) as Record<string, unknown>;
  node._errors = [{ code: 'BASE_TYPE_MAX_LENGTH', message }];
}
