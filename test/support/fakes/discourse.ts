// A Discourse forum on 127.0.0.1: `GET /categories.json`, `POST /posts.json` and
// `PUT /posts/{id}.json` with an API key and username, refusing what Discourse refuses in its words: a wrong key (403 invalid_access), a
// category that is not an existing numeric id (400 invalid_parameters), a title outside 15–255, a
// post under 20 or over 32,000 characters, a title or external_id used before (422).
import { startReceiver } from '../receiver.js';
import { json, type Fake, type Json } from './fake.js';

export interface DiscoursePost {
  id: number;
  topicId: number;
  title: string;
  raw: string;
  category: number;
  externalId?: string;
  edits: number;
  /** Whether `@here` or `@all` (a group) in the post notifies people, outside code. */
  notified: boolean;
}

export const DISCOURSE_KEY = 'discourse-api-key';
const CATEGORIES = [5, 7];

export async function startDiscourse(): Promise<Fake<DiscoursePost>> {
  const messages: DiscoursePost[] = [];
  let next = 100;
  const receiver = await startReceiver((request, response) => {
    if (
      request.headers['api-key'] !== DISCOURSE_KEY ||
      request.headers['api-username'] !== 'system'
    )
      return json(response, 403, {
        errors: [
          'You are not permitted to view the requested resource. The API username or key is invalid.'
        ],
        error_type: 'invalid_access'
      });
    if (request.method === 'GET' && request.url === '/categories.json?include_subcategories=true')
      return json(response, 200, {
        category_list: {
          categories: [
            { id: 5, name: 'Announcements', slug: 'announcements', subcategory_list: [] },
            {
              id: 3,
              name: 'General',
              slug: 'general',
              subcategory_list: [{ id: 7, name: 'Release notes', slug: 'release-notes' }]
            }
          ]
        }
      });
    const body = JSON.parse(request.text || '{}') as Json;
    const unprocessable = (...errors: string[]) =>
      json(response, 422, { action: 'create_post', errors });
    const raw = String(body.raw ?? body.post?.raw ?? '').trim();
    if (raw.length < 20) return unprocessable('Body is too short (minimum is 20 characters)');
    if (raw.length > 32_000) return unprocessable('Body is too long (maximum is 32000 characters)');
    const edit = /^\/posts\/(\d+)\.json$/.exec(request.url);
    if (request.method === 'PUT' && edit) {
      const post = messages.find(m => m.id === Number(edit[1]));
      if (!post)
        return json(response, 404, {
          errors: ['The requested URL or resource could not be found.'],
          error_type: 'not_found'
        });
      post.raw = raw;
      if (body.title) post.title = String(body.title);
      post.edits++;
      return json(response, 200, { post: { id: post.id, raw: post.raw, version: post.edits + 1 } });
    }
    if (request.method !== 'POST' || request.url !== '/posts.json')
      return json(response, 404, {
        errors: ['The requested URL or resource could not be found.'],
        error_type: 'not_found'
      });
    if (!/^\d+$/.test(String(body.category ?? '')) || !CATEGORIES.includes(Number(body.category)))
      return json(response, 400, {
        errors: ['You supplied invalid parameters to the request: category'],
        error_type: 'invalid_parameters'
      });
    const title = String(body.title ?? '').trim();
    if (title.length < 15) return unprocessable('Title is too short (minimum is 15 characters)');
    if (title.length > 255) return unprocessable('Title is too long (maximum is 255 characters)');
    if (messages.some(m => m.title.toLowerCase() === title.toLowerCase()))
      return unprocessable('Title has already been used');
    const externalId = body.external_id === undefined ? undefined : String(body.external_id);
    if (externalId !== undefined && !/^[\w-]{1,50}$/.test(externalId))
      return unprocessable('External ID is invalid');
    if (externalId && messages.some(m => m.externalId === externalId))
      return unprocessable('External ID has already been taken');
    const post: DiscoursePost = {
      id: next++,
      topicId: next + 1000,
      title,
      raw,
      category: Number(body.category),
      externalId,
      edits: 0,
      notified: /(^|[^\w`])@(here|all)\b/.test(raw.replace(/`[^`]*`/g, ''))
    };
    messages.push(post);
    json(response, 200, {
      id: post.id,
      topic_id: post.topicId,
      topic_slug: title.toLowerCase().replace(/\W+/g, '-'),
      post_number: 1,
      raw: post.raw,
      username: 'system'
    });
  });
  return { ...receiver, messages };
}
