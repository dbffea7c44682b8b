// A Bluesky PDS on 127.0.0.1: `createSession` with an identifier and app password, then
// `createRecord` of an `app.bsky.feed.post` with the session's token, refusing what the PDS
// refuses in its words (XRPC `{error, message}`): a wrong password, no or a wrong token, a record
// over 300 graphemes or 3,000 bytes, a `$type` that is not the collection's, a `createdAt`
// without its zone, facets outside the text or overlapping.
import { startReceiver } from '../receiver.js';
import { json, type Fake, type Json } from './fake.js';

export interface BlueskyPost {
  uri: string;
  text: string;
  /** The link card's address, when the post has one. */
  card?: string;
  facets: Array<{ index: { byteStart: number; byteEnd: number }; features: unknown[] }>;
}

export const BLUESKY_IDENTIFIER = 'releases.example.com';
export const BLUESKY_PASSWORD = 'abcd-efgh-ijkl-mnop';
const DID = 'did:plc:releases7example';
const ACCESS = 'eyJhbGciOiJFUzI1NiJ9.access.bluesky';

export async function startBluesky(): Promise<Fake<BlueskyPost> & { sessions: number }> {
  const messages: BlueskyPost[] = [];
  const state = { sessions: 0 };
  let rkey = 1000;
  const receiver = await startReceiver((request, response) => {
    const refuse = (status: number, error: string, message: string) =>
      json(response, status, { error, message });
    if (request.method !== 'POST') return refuse(405, 'InvalidRequest', 'Method Not Allowed');
    if (!String(request.headers['content-type']).startsWith('application/json'))
      return refuse(
        400,
        'InvalidRequest',
        'Request encoding (Content-Type) required but not provided'
      );
    const body = JSON.parse(request.text || '{}') as Json;
    if (request.url === '/xrpc/com.atproto.server.createSession') {
      if (body.identifier !== BLUESKY_IDENTIFIER || body.password !== BLUESKY_PASSWORD)
        return refuse(401, 'AuthenticationRequired', 'Invalid identifier or password');
      state.sessions++;
      return json(response, 200, {
        accessJwt: ACCESS,
        refreshJwt: 'eyJ.refresh',
        handle: BLUESKY_IDENTIFIER,
        did: DID,
        active: true
      });
    }
    if (request.url !== '/xrpc/com.atproto.repo.createRecord')
      return refuse(404, 'MethodNotImplemented', 'Method Not Implemented');
    if (!request.headers.authorization)
      return refuse(401, 'AuthMissing', 'Authentication Required');
    if (request.headers.authorization !== `Bearer ${ACCESS}`)
      return refuse(400, 'InvalidToken', 'Token could not be verified');
    if (body.repo !== DID)
      return refuse(401, 'AuthRequiredError', 'Input/repo must be the session account');
    const record = body.record ?? {};
    const invalid = (message: string) =>
      refuse(400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${message}`);
    if (
      body.collection !== 'app.bsky.feed.post' ||
      (record.$type && record.$type !== body.collection)
    )
      return refuse(
        400,
        'InvalidRequest',
        `Invalid $type: expected ${body.collection}, got ${record.$type}`
      );
    if (typeof record.text !== 'string') return invalid('Record must have the property "text"');
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(String(record.createdAt)))
      return invalid('Record/createdAt must be an valid atproto datetime');
    const graphemes = [
      ...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(record.text)
    ].length;
    if (graphemes > 300)
      return invalid(`grapheme too big (maximum 300, got ${graphemes}) at $.record.text`);
    const bytes = Buffer.byteLength(record.text);
    if (bytes > 3000)
      return invalid(`string too big (maximum 3000, got ${bytes}) at $.record.text`);
    const facets = (record.facets ?? []) as BlueskyPost['facets'];
    let end = 0;
    for (const facet of [...facets].sort((a, b) => a.index.byteStart - b.index.byteStart)) {
      const { byteStart, byteEnd } = facet.index;
      if (byteStart < end || byteEnd > bytes || byteStart >= byteEnd)
        return invalid('Record/facets has an index outside the text or overlapping');
      end = byteEnd;
    }
    const embed = record.embed;
    if (embed?.$type === 'app.bsky.embed.external') {
      const external = embed.external ?? {};
      for (const field of ['uri', 'title', 'description'])
        if (typeof external[field] !== 'string')
          return invalid(`Record/embed/external must have the property "${field}"`);
    }
    const uri = `at://${DID}/app.bsky.feed.post/3l${(rkey++).toString(32)}`;
    messages.push({ uri, text: record.text, facets, card: embed?.external?.uri });
    json(response, 200, {
      uri,
      cid: 'bafyreib2rxk3rh6kzwq',
      commit: { cid: 'bafyreif', rev: '3l6oveex3ii2l' },
      validationStatus: 'valid'
    });
  });
  return Object.assign(
    { ...receiver, messages },
    {
      get sessions() {
        return state.sessions;
      }
    }
  );
}
