// A Mastodon instance on 127.0.0.1: `POST /api/v1/statuses` and `PUT /api/v1/statuses/:id` with a
// bearer token, refusing what Mastodon refuses in its words (a bad token, blank text, text over
// 500 characters as its StatusLengthValidator counts them), and answering a repeated
// Idempotency-Key with the status it created the first time.
import { startReceiver } from '../receiver.js';
import { json, type Fake } from './fake.js';

export interface MastodonStatus {
  id: string;
  status: string;
  edits: number;
}

const TOKEN = 'mastodon-token';

/** Graphemes, spoiler text included, every URL 23, `@user@domain` as `@user`. */
function counted(text: string): number {
  const replaced = text
    .replace(/https?:\/\/\S+/g, 'x'.repeat(23))
    .replace(/(@\w+)@[\w.-]+\w/g, '$1');
  return [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(replaced)].length;
}

export async function startMastodon(): Promise<Fake<MastodonStatus>> {
  const messages: MastodonStatus[] = [];
  const keys = new Map<string, MastodonStatus>();
  let next = 110_000_000_000_000_000n;
  const receiver = await startReceiver((request, response) => {
    if (request.headers.authorization !== `Bearer ${TOKEN}`)
      return json(response, 401, { error: 'The access token is invalid' });
    const body = JSON.parse(request.text || '{}') as Record<string, unknown>;
    const text = String(body.status ?? '');
    if (!text.trim())
      return json(response, 422, { error: "Validation failed: Text can't be blank" });
    if (counted(String(body.spoiler_text ?? '') + text) > 500)
      return json(response, 422, {
        error: 'Validation failed: Text character limit of 500 exceeded'
      });
    const shape = (status: MastodonStatus) => ({
      id: status.id,
      url: `https://mastodon.example/@releases/${status.id}`,
      content: `<p>${status.status}</p>`,
      edited_at: status.edits ? '2026-12-07T12:00:00.000Z' : null
    });
    const edit = /^\/api\/v1\/statuses\/(\d+)$/.exec(request.url);
    if (request.method === 'PUT' && edit) {
      const status = messages.find(m => m.id === edit[1]);
      if (!status) return json(response, 404, { error: 'Record not found' });
      status.status = text;
      status.edits++;
      return json(response, 200, shape(status));
    }
    if (request.method !== 'POST' || request.url !== '/api/v1/statuses')
      return json(response, 404, { error: 'Not Found' });
    const key = String(request.headers['idempotency-key'] ?? '');
    const earlier = key ? keys.get(key) : undefined;
    if (earlier) return json(response, 200, shape(earlier));
    const status = { id: String(next++), status: text, edits: 0 };
    messages.push(status);
    if (key) keys.set(key, status);
    json(response, 200, shape(status));
  });
  return { ...receiver, messages };
}
