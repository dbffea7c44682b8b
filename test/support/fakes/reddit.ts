// Reddit on 127.0.0.1, serving both www.reddit.com's `/api/v1/access_token` and oauth.reddit.com's
// `/api/submit`, refusing as Reddit does: a wrong client with a 401, a wrong password with a 200
// `{"error": "invalid_grant"}`, a generic user agent with a 429, a JSON body, and `json.errors`
// triples in a 200 answer for an unknown subreddit, a title over 300 or a text over 40,000.
import { startReceiver } from '../receiver.js';
import { json, type Fake } from './fake.js';

export interface RedditPost {
  name: string;
  sr: string;
  title: string;
  text: string;
}

export const REDDIT_CLIENT = { id: 'reddit-client-id', secret: 'reddit-client-secret' };
export const REDDIT_USER = { name: 'space_rocks_bot', password: 'reddit-password' };
const TOKEN = 'reddit-access-token';

export async function startReddit(): Promise<Fake<RedditPost>> {
  const messages: RedditPost[] = [];
  let next = 1;
  const receiver = await startReceiver((request, response) => {
    const agent = String(request.headers['user-agent'] ?? '');
    if (!/^[\w-]+:[\w.-]+:[\w.-]+ \(by \/u\/\w+\)$/.test(agent))
      return json(response, 429, { message: 'Too Many Requests', error: 429 });
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
      return json(response, 400, { message: 'Bad Request', error: 400 });
    const form = new URLSearchParams(request.text);
    if (request.url === '/api/v1/access_token') {
      const client = Buffer.from(`${REDDIT_CLIENT.id}:${REDDIT_CLIENT.secret}`).toString('base64');
      if (request.headers.authorization !== `Basic ${client}`)
        return json(response, 401, { message: 'Unauthorized', error: 401 });
      if (
        form.get('grant_type') !== 'password' ||
        form.get('username') !== REDDIT_USER.name ||
        form.get('password') !== REDDIT_USER.password
      )
        return json(response, 200, { error: 'invalid_grant' });
      return json(response, 200, {
        access_token: TOKEN,
        token_type: 'bearer',
        expires_in: 86400,
        scope: '*'
      });
    }
    if (request.url !== '/api/submit')
      return json(response, 404, { message: 'Not Found', error: 404 });
    if (request.headers.authorization !== `bearer ${TOKEN}`)
      return json(response, 401, { message: 'Unauthorized', error: 401 });
    const errors: string[][] = [];
    if (form.get('sr') !== 'spacerocks')
      errors.push(['SUBREDDIT_NOEXIST', "that subreddit doesn't exist", 'sr']);
    const title = form.get('title') ?? '';
    if (!title.trim()) errors.push(['NO_TEXT', 'we need something here', 'title']);
    if (title.length > 300) errors.push(['TOO_LONG', 'this is too long (max: 300)', 'title']);
    if ((form.get('text') ?? '').length > 40_000)
      errors.push(['TOO_LONG', 'this is too long (max: 40000)', 'text']);
    if (form.get('api_type') !== 'json') return json(response, 200, { jquery: [] });
    if (errors.length > 0) return json(response, 200, { json: { errors } });
    const id = `1h${(next++).toString(36)}`;
    messages.push({ name: `t3_${id}`, sr: form.get('sr')!, title, text: form.get('text') ?? '' });
    json(response, 200, {
      json: {
        errors: [],
        data: {
          url: `https://www.reddit.com/r/spacerocks/comments/${id}/release/`,
          id,
          name: `t3_${id}`,
          drafts_count: 0
        }
      }
    });
  });
  return { ...receiver, messages };
}
