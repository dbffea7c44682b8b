// Loopback stand-ins for the GitHub REST API and PatchKit's API, answering in their shapes.
import { startReceiver, type Receiver } from './receiver.js';

export const RELEASE = {
  id: 4242,
  tag_name: 'v5.1.0',
  html_url: 'https://github.com/octo-org/space-game/releases/tag/v5.1.0',
  body: 'Looked up "through" the API',
  published_at: '2026-06-01T08:00:00Z',
  prerelease: false,
  assets: [
    {
      size: 3 * 1024 * 1024,
      browser_download_url:
        'https://github.com/octo-org/space-game/releases/download/v5.1.0/game.zip'
    }
  ]
};

export function startGitHubApi(token = 'ghs_valid_token'): Promise<Receiver> {
  return startReceiver((request, response) => {
    const json = (status: number, body: object) =>
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers.authorization !== `token ${token}`)
      return json(401, { message: 'Bad credentials' });
    const path = request.url.split('?')[0];
    if (
      path === `/repos/octo-org/space-game/releases/tags/${RELEASE.tag_name}` ||
      path === `/repos/octo-org/space-game/releases/${RELEASE.id}`
    )
      return json(200, RELEASE);
    json(404, { message: 'Not Found' });
  });
}

export const PATCHKIT = {
  secret: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
  apiKey: 'pk-api-key-0123456789',
  app: {
    id: 7,
    name: 'space_game',
    display_name: 'Space Game',
    author: 'Octo',
    current_version: 12
  },
  version: {
    id: 12,
    label: '12.0.3',
    changelog: 'Patch "notes" from PatchKit',
    publish_date: 1780000000,
    published: true,
    draft: false
  },
  draft: {
    id: 13,
    label: '13.0.0-rc',
    changelog: 'Draft',
    publish_date: 0,
    published: false,
    draft: true
  },
  contentSize: 734003200,
  diffSize: 5242880
};

export interface PatchKitOptions {
  /** Answer 503 to the first N requests. */
  failFirst?: number;
  noDiff?: boolean;
}

export function startPatchKitApi(options: PatchKitOptions = {}): Promise<Receiver> {
  return startReceiver((request, response, count) => {
    const json = (status: number, body: object) =>
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (count <= (options.failFirst ?? 0)) return json(503, { error: 'maintenance' });
    const url = new URL(request.url, 'http://patchkit');
    const prefix = `/1/apps/${PATCHKIT.secret}`;
    if (!url.pathname.startsWith(prefix)) return json(404, { error: 'app not found' });
    const rest = url.pathname.slice(prefix.length);
    const key = url.searchParams.get('api_key');
    if (rest === '') return json(200, PATCHKIT.app);
    if (rest === '/versions/latest' || rest === '/versions/12') return json(200, PATCHKIT.version);
    if (rest === '/versions/13') {
      if (key !== PATCHKIT.apiKey) return json(403, { error: 'forbidden' });
      return json(200, PATCHKIT.draft);
    }
    const summary = /^\/versions\/(\d+)\/(content|diff)_summary$/.exec(rest);
    if (summary) {
      if (summary[2] === 'diff' && options.noDiff) return json(404, { error: 'no diff' });
      return json(200, {
        size: summary[2] === 'content' ? PATCHKIT.contentSize : PATCHKIT.diffSize,
        files: []
      });
    }
    json(404, { error: 'not found' });
  });
}
