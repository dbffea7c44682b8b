// LinkedIn's versioned REST API on 127.0.0.1: `POST /rest/posts`, refusing as LinkedIn does: no
// version headers, a version that is not active (426 NONEXISTENT_VERSION), a wrong token (401),
// missing fields (422, naming them), an author that is not a person's or an organization's URN.
// It answers 201 with an empty body and the post's URN in `x-restli-id`, and, as LinkedIn does,
// keeps a commentary only up to its first reserved character left bare.
import { startReceiver } from '../receiver.js';
import { json, type Fake, type Json } from './fake.js';

export interface LinkedInPost {
  urn: string;
  author: string;
  /** What LinkedIn shows: the commentary up to its first bare reserved character, unescaped. */
  shown: string;
}

export const LINKEDIN_TOKEN = 'AQV-linkedin-token';
export const LINKEDIN_AUTHOR = 'urn:li:organization:2414183';
const ACTIVE = /^2026(0[1-9]|1[0-2])$|^2025(1[0-2])$/;

export async function startLinkedIn(): Promise<Fake<LinkedInPost>> {
  const messages: LinkedInPost[] = [];
  let next = 7000000000000000000n;
  const receiver = await startReceiver((request, response) => {
    const version = String(request.headers['linkedin-version'] ?? '');
    if (!version || request.headers['x-restli-protocol-version'] !== '2.0.0')
      return json(response, 400, {
        status: 400,
        code: 'VERSION_MISSING',
        message: 'A version must be present'
      });
    if (!ACTIVE.test(version))
      return json(response, 426, {
        status: 426,
        code: 'NONEXISTENT_VERSION',
        message: `Requested version ${version}01 is not active`
      });
    if (request.headers.authorization !== `Bearer ${LINKEDIN_TOKEN}`)
      return json(response, 401, {
        status: 401,
        serviceErrorCode: 65600,
        code: 'INVALID_ACCESS_TOKEN',
        message: 'Invalid access token'
      });
    if (request.method !== 'POST' || request.url !== '/rest/posts')
      return json(response, 404, { status: 404, message: 'Not Found' });
    let body: Json;
    try {
      body = JSON.parse(request.text);
    } catch {
      return json(response, 400, {
        status: 400,
        code: 'ILLEGAL_ARGUMENT',
        message: 'Request body could not be converted to data map'
      });
    }
    const missing = ['author', 'commentary', 'visibility', 'distribution', 'lifecycleState'].filter(
      field => body[field] === undefined
    );
    if (missing.length > 0)
      return json(response, 422, {
        status: 422,
        message: missing
          .map(field => `/${field} :: field is required but not found and has no default value`)
          .join('\n')
      });
    if (!/^urn:li:(person|organization):\w+$/.test(String(body.author)))
      return json(response, 422, {
        status: 422,
        message: `/author :: "${String(body.author)}" is not a valid URN`
      });
    const commentary = String(body.commentary);
    const bare = /(?<!\\)[|{}@[\]()<>#*_~]/.exec(commentary);
    const kept = bare ? commentary.slice(0, bare.index) : commentary;
    const urn = `urn:li:share:${next++}`;
    messages.push({ urn, author: String(body.author), shown: kept.replace(/\\(.)/g, '$1') });
    response.writeHead(201, { 'x-restli-id': encodeURIComponent(urn) }).end();
  });
  return { ...receiver, messages };
}
