// X's API v2 on 127.0.0.1: `POST /2/tweets` signed with OAuth 1.0a, the signature recomputed here
// from the app's and the account's secrets (RFC 5849, the JSON body left out), refusing as X does
// with problem+json: a bad signature or a replayed nonce (401), a body that is not JSON, a
// duplicate (403); a text over
// 280 weighted is refused with a 400 (its exact words are not documented). It answers 201.
import { createHmac } from 'node:crypto';
import { startReceiver } from '../receiver.js';
import { json, type Fake, type Json } from './fake.js';

export interface Post {
  id: string;
  text: string;
  /** Whether the post mentions an account (`@name`), notifying it. */
  mentioned: boolean;
}

export const X_CREDENTIALS = {
  consumer_key: 'x-consumer-key',
  consumer_secret: 'x-consumer-secret',
  access_token: '1234-x-access-token',
  access_token_secret: 'x-access-token-secret'
};

const encode = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );

/** X's count: code points outside the light ranges weigh 2, a URL 23 (the fake's own reading). */
function weight(text: string): number {
  const light = (cp: number) =>
    cp <= 4351 ||
    (cp >= 8192 && cp <= 8205) ||
    (cp >= 8208 && cp <= 8223) ||
    (cp >= 8242 && cp <= 8247);
  const urls = text.match(/https?:\/\/\S+/g) ?? [];
  const rest = text.replace(/https?:\/\/\S+/g, '');
  return (
    urls.length * 23 +
    [...rest.normalize('NFC')].reduce((sum, c) => sum + (light(c.codePointAt(0)!) ? 1 : 2), 0)
  );
}

/** `failNext(n)`: the next n signed requests get a 503, as an overloaded X answers. */
export async function startX(): Promise<Fake<Post> & { failNext(count: number): void }> {
  const messages: Post[] = [];
  const nonces = new Set<string>();
  let failNext = 0;
  let next = 1445880548472328192n;
  const receiver = await startReceiver((request, response) => {
    const problem = (status: number, title: string, detail: string, type = 'about:blank') =>
      json(response, status, { title, type, status, detail });
    const header = String(request.headers.authorization ?? '');
    const params = Object.fromEntries(
      [...header.replace(/^OAuth /, '').matchAll(/([\w]+)="([^"]*)"/g)].map(([, k, v]) => [
        k,
        decodeURIComponent(v)
      ])
    );
    const { oauth_signature: signature, ...signed } = params;
    const base = [
      request.method,
      encode(`http://${request.headers.host}${request.url}`),
      encode(
        Object.keys(signed)
          .sort()
          .map(k => `${encode(k)}=${encode(signed[k])}`)
          .join('&')
      )
    ].join('&');
    const key = `${encode(X_CREDENTIALS.consumer_secret)}&${encode(X_CREDENTIALS.access_token_secret)}`;
    const expected = createHmac('sha1', key).update(base).digest('base64');
    if (
      !header.startsWith('OAuth ') ||
      signed.oauth_consumer_key !== X_CREDENTIALS.consumer_key ||
      signed.oauth_token !== X_CREDENTIALS.access_token ||
      signature !== expected
    )
      return problem(401, 'Unauthorized', 'Unauthorized');
    if (nonces.has(signed.oauth_nonce)) return problem(401, 'Unauthorized', 'Unauthorized');
    nonces.add(signed.oauth_nonce);
    if (failNext > 0) {
      failNext--;
      return problem(503, 'Service Unavailable', 'Service Unavailable');
    }
    if (request.method !== 'POST' || request.url !== '/2/tweets')
      return problem(404, 'Not Found Error', 'Not Found');
    if (!String(request.headers['content-type']).startsWith('application/json'))
      return problem(
        400,
        'Invalid Request',
        'Requests with bodies must have content-type of application/json.'
      );
    const body = JSON.parse(request.text || '{}') as Json;
    const text = String(body.text ?? '');
    if (weight(text) > 280) return problem(400, 'Invalid Request', 'Your Tweet text is too long.');
    if (messages.some(m => m.text === text))
      return problem(
        403,
        'Forbidden',
        'You are not allowed to create a Tweet with duplicate content.'
      );
    const post = { id: String(next++), text, mentioned: /(^|[^\w@])@\w/.test(text) };
    messages.push(post);
    json(response, 201, { data: { id: post.id, text, edit_history_tweet_ids: [post.id] } });
  });
  return {
    ...receiver,
    messages,
    failNext: count => {
      failNext = count;
    }
  };
}
