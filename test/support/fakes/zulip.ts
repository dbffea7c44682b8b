// A Zulip organization on 127.0.0.1: `POST /api/v1/messages` and `PATCH /api/v1/messages/{id}`,
// form-encoded, with a bot's email and API key as Basic credentials, refusing what Zulip refuses
// in its words (`{result: "error", msg, code}`): wrong credentials, a missing argument, an unknown
// channel. Like Zulip, it cuts content over 10,000 code points and a topic over 60 silently, and
// says so in what it keeps.
import { startReceiver } from '../receiver.js';
import { json, type Fake } from './fake.js';

export interface ZulipMessage {
  id: number;
  to: string;
  topic: string;
  content: string;
  /** Zulip cut the content or the topic. */
  truncated: boolean;
  /** Whether a wildcard mention (`@**all**`, `@**topic**`…) in the content notifies people. */
  notified: boolean;
  edits: number;
}

export const ZULIP_EMAIL = 'release-bot@zulip.example.com';
export const ZULIP_KEY = 'zulip-api-key';
const CHANNELS = ['announce', 'releases'];

export async function startZulip(): Promise<Fake<ZulipMessage>> {
  const messages: ZulipMessage[] = [];
  let next = 42;
  const receiver = await startReceiver((request, response) => {
    const error = (status: number, code: string, msg: string, extra: object = {}) =>
      json(response, status, { result: 'error', msg, code, ...extra });
    const expected = `Basic ${Buffer.from(`${ZULIP_EMAIL}:${ZULIP_KEY}`).toString('base64')}`;
    if (!request.headers.authorization) {
      response.setHeader('WWW-Authenticate', 'Basic realm="zulip"');
      return error(
        401,
        'UNAUTHORIZED',
        'Not logged in: API authentication or user session required'
      );
    }
    if (request.headers.authorization !== expected)
      return error(401, 'INVALID_API_KEY', 'Invalid API key');
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
      return error(400, 'BAD_REQUEST', "Missing 'content' argument");
    const form = new URLSearchParams(request.text);
    const cut = (text: string, limit: number, ending: string) =>
      [...text].length > limit ? [...text].slice(0, limit - ending.length).join('') + ending : text;
    const content = form.get('content');
    const edit = /^\/api\/v1\/messages\/(\d+)$/.exec(request.url);
    if (request.method === 'PATCH' && edit) {
      const message = messages.find(m => m.id === Number(edit[1]));
      if (!message) return error(400, 'BAD_REQUEST', 'Invalid message(s)');
      if (content !== null) message.content = cut(content, 10_000, '\n[message truncated]');
      if (form.get('topic') !== null) message.topic = cut(form.get('topic')!, 60, '...');
      message.edits++;
      return json(response, 200, { result: 'success', msg: '' });
    }
    if (request.method !== 'POST' || request.url !== '/api/v1/messages')
      return error(404, 'BAD_REQUEST', 'Not Found');
    for (const name of ['type', 'to', 'content'])
      if (form.get(name) === null)
        return error(400, 'REQUEST_VARIABLE_MISSING', `Missing '${name}' argument`, {
          var_name: name
        });
    if (!['stream', 'channel'].includes(form.get('type')!))
      return error(400, 'BAD_REQUEST', 'Invalid message type');
    const to = form.get('to')!.replace(/^"|"$/g, '');
    if (!CHANNELS.includes(to))
      return error(400, 'STREAM_DOES_NOT_EXIST', `Channel '${to}' does not exist`, { stream: to });
    if (!content!.trim()) return error(400, 'BAD_REQUEST', 'Message must not be empty');
    const topic = form.get('topic') ?? '';
    const message: ZulipMessage = {
      id: next++,
      to,
      topic: cut(topic, 60, '...'),
      content: cut(content!, 10_000, '\n[message truncated]'),
      truncated: [...content!].length > 10_000 || [...topic].length > 60,
      // Zulip's mention syntax: `@**name**` after a space, a quote, a bracket or the start.
      notified: /(^|[\s"'([{/<])@_?\*\*(all|everyone|stream|channel|topic)\*\*/m.test(content!),
      edits: 0
    };
    messages.push(message);
    json(response, 200, { id: message.id, msg: '', result: 'success' });
  });
  return { ...receiver, messages };
}
