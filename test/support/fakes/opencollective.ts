// Open Collective's GraphQL API v2 on 127.0.0.1 (`/graphql/v2`): `createUpdate` writes a draft and
// `publishUpdate` publishes it, with a personal token, refusing as Open Collective does: an
// unknown token with its Express 401 (which echoes the token), a collective the token does not
// administer, an unknown update id or audience — GraphQL errors in a 200 answer.
import { startReceiver } from '../receiver.js';
import { json, type Fake, type Json } from './fake.js';

export interface CollectiveUpdate {
  id: string;
  title: string;
  html: string;
  collective: string;
  publishedAt: string | null;
  audience?: string;
}

export const OPENCOLLECTIVE_TOKEN = 'oc-personal-token';
export const COLLECTIVE = 'space-rocks';

export async function startOpenCollective(): Promise<Fake<CollectiveUpdate>> {
  const messages: CollectiveUpdate[] = [];
  let next = 1;
  const receiver = await startReceiver((request, response) => {
    const token = String(request.headers['personal-token'] ?? request.headers['api-key'] ?? '');
    if (token !== OPENCOLLECTIVE_TOKEN)
      return json(response, 401, {
        error: {
          code: 401,
          type: 'unauthorized',
          message: `Invalid Personal Token (Api Key): ${token}`
        }
      });
    if (request.method !== 'POST' || request.url !== '/graphql/v2')
      return json(response, 404, { error: { code: 404, type: 'not_found' } });
    const { query, variables } = JSON.parse(request.text || '{}') as {
      query: string;
      variables: Json;
    };
    const failed = (path: string, code: string, message: string) =>
      json(response, 200, {
        errors: [
          { message, locations: [{ line: 2, column: 3 }], path: [path], extensions: { code } }
        ],
        data: null
      });
    if (/createUpdate\(/.test(query)) {
      const update = variables.update ?? {};
      if (!update.title || !update.html)
        return failed('createUpdate', 'BadRequest', 'title and html are required');
      if (update.account?.slug !== COLLECTIVE)
        return failed(
          'createUpdate',
          'Forbidden',
          "You don't have sufficient permissions to create an update"
        );
      const created: CollectiveUpdate = {
        id: `upd_${(next++).toString(36).padStart(8, '0')}`,
        title: update.title,
        html: update.html,
        collective: COLLECTIVE,
        publishedAt: null
      };
      messages.push(created);
      return json(response, 200, {
        data: { createUpdate: { id: created.id, slug: 'release', publishedAt: null } }
      });
    }
    if (/publishUpdate\(/.test(query)) {
      const update = messages.find(m => m.id === variables.id);
      if (!update)
        return failed('publishUpdate', 'NotFound', `Update with id ${variables.id} not found`);
      if (
        variables.audience !== undefined &&
        !['ALL', 'COLLECTIVE_ADMINS', 'FINANCIAL_CONTRIBUTORS', 'NO_ONE'].includes(
          variables.audience
        )
      )
        return failed(
          'publishUpdate',
          'BadRequest',
          `Variable "$audience" got invalid value "${variables.audience}"`
        );
      update.publishedAt = '2026-12-07T12:00:00.000Z';
      update.audience = variables.audience;
      return json(response, 200, {
        data: { publishUpdate: { id: update.id, slug: 'release', publishedAt: update.publishedAt } }
      });
    }
    json(response, 200, { errors: [{ message: 'Unknown query' }], data: null });
  });
  return { ...receiver, messages };
}
