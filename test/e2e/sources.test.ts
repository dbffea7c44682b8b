import { afterEach, describe, expect, it } from '@jest/globals';
import { annotations, errorMessages, runAction } from '../support/action.js';
import { PATCHKIT, RELEASE, startGitHubApi, startPatchKitApi } from '../support/fake-apis.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

const servers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()));
});
async function serve(server: Promise<Receiver>): Promise<Receiver> {
  servers.push(await server);
  return servers[servers.length - 1];
}

const VARIABLES = `{{ app.name }}|{{ app.display_name }}|{{ version.id }}|{{ version.label }}|{{ version.published_at }}|{{ version.humanized_content_size }}|{{ version.humanized_diff_size }}|{{ version.changes }}|{{ app.direct_download_url }}`;
const echoConfig = (url: string) =>
  `webhooks:\n  - url: "${url}/"\n    format: text\n    payload: "${VARIABLES.replace(/"/g, '\\"')}"\n`;

describe('release lookup through the GitHub API (input release)', () => {
  it.each([RELEASE.tag_name, String(RELEASE.id)])(
    'reads release %s into the context',
    async release => {
      const api = await serve(startGitHubApi());
      const receiver = await serve(startReceiver());
      const run = await runAction({
        config: echoConfig(receiver.url),
        inputs: { release, 'github-token': 'ghs_valid_token' },
        env: { GITHUB_API_URL: api.url }
      });
      expect(annotations(run.stdout)).toEqual([]);
      expect(run.code).toBe(0);
      expect(receiver.requests[0].text).toBe(
        `space-game|space-game|4242|v5.1.0|2026-06-01T08:00:00Z|3 MB||Looked up "through" the API|${RELEASE.assets[0].browser_download_url}`
      );
      expect(api.requests[0].headers.authorization).toBe('token ghs_valid_token');
    }
  );

  it('explicit inputs still win over the release', async () => {
    const api = await serve(startGitHubApi());
    const receiver = await serve(startReceiver());
    await runAction({
      config: `webhooks:\n  - url: "${receiver.url}/"\n    format: text\n    payload: "{{ version.label }} {{ version.changes }}"\n`,
      inputs: { release: 'v5.1.0', 'github-token': 'ghs_valid_token', 'version-label': 'override' },
      env: { GITHUB_API_URL: api.url }
    });
    expect(receiver.requests[0].text).toBe('override Looked up "through" the API');
  });

  it('a missing release is an error naming it; a bad token is an error about the token', async () => {
    const api = await serve(startGitHubApi());
    const missing = await runAction({
      config: 'webhooks:\n  - url: https://example.com/\n',
      inputs: { release: 'v0.0.1', 'github-token': 'ghs_valid_token' },
      env: { GITHUB_API_URL: api.url }
    });
    expect(missing.code).toBe(1);
    expect(annotations(missing.stdout)[0].message).toMatch(
      /input release: no release "v0.0.1" in octo-org\/space-game/
    );

    const denied = await runAction({
      config: 'webhooks:\n  - url: https://example.com/\n',
      inputs: { release: 'v5.1.0', 'github-token': 'ghs_wrong_token' },
      env: { GITHUB_API_URL: api.url }
    });
    expect(denied.code).toBe(1);
    expect(annotations(denied.stdout)[0].message).toMatch(
      /input github-token: GitHub answered 401/
    );
    expect(denied.stdout.replace('::add-mask::ghs_wrong_token', '')).not.toContain(
      'ghs_wrong_token'
    );
  });
});

describe('PatchKit as the source (inputs patchkit-*)', () => {
  it('fills the context exactly as PATCHKIT_API.md maps it', async () => {
    const patchkit = await serve(startPatchKitApi());
    const receiver = await serve(startReceiver());
    const run = await runAction({
      config: echoConfig(receiver.url),
      inputs: { 'patchkit-app-secret': PATCHKIT.secret, 'patchkit-api-url': patchkit.url }
    });
    expect(annotations(run.stdout)).toEqual([]);
    expect(receiver.requests[0].text).toBe(
      'space_game|Space Game|12|12.0.3|2026-05-28T20:26:40Z|700 MB|5 MB|Patch "notes" from PatchKit|https://github.com/octo-org/space-game/releases/latest'
    );
    const printed = run.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(printed + run.summary).not.toContain(PATCHKIT.secret);
    expect(patchkit.requests.map(r => r.url)).toEqual([
      `/1/apps/${PATCHKIT.secret}`,
      `/1/apps/${PATCHKIT.secret}/versions/latest`,
      `/1/apps/${PATCHKIT.secret}/versions/12/content_summary`,
      `/1/apps/${PATCHKIT.secret}/versions/12/diff_summary`
    ]);
  });

  it('reads a draft with the API key, and a first version has no diff', async () => {
    const patchkit = await serve(startPatchKitApi({ noDiff: true }));
    const receiver = await serve(startReceiver());
    const run = await runAction({
      config: echoConfig(receiver.url),
      inputs: {
        'patchkit-app-secret': PATCHKIT.secret,
        'patchkit-api-url': patchkit.url,
        'patchkit-version': '13',
        'patchkit-api-key': PATCHKIT.apiKey,
        'version-label': 'explicit wins'
      }
    });
    expect(run.code).toBe(0);
    const [, , id, label, publishedAt, content, diff, changes] =
      receiver.requests[0].text.split('|');
    expect([id, label, content, diff, changes]).toEqual([
      '13',
      'explicit wins',
      '700 MB',
      '',
      'Draft'
    ]);
    // An unpublished draft has no date yet: it reads as now.
    expect(Math.abs(Date.parse(publishedAt) - Date.now())).toBeLessThan(60_000);
    expect(
      run.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
    ).not.toContain(PATCHKIT.apiKey);
  });

  it('retries a PatchKit that is briefly down', async () => {
    const patchkit = await serve(startPatchKitApi({ failFirst: 1 }));
    const receiver = await serve(startReceiver());
    const run = await runAction({
      config: echoConfig(receiver.url),
      inputs: { 'patchkit-app-secret': PATCHKIT.secret, 'patchkit-api-url': patchkit.url }
    });
    expect(run.code).toBe(0);
    expect(receiver.requests).toHaveLength(1);
  });

  it.each([
    [
      'an unknown app',
      { 'patchkit-app-secret': 'nope' },
      /input patchkit-app-secret: PatchKit knows no app/
    ],
    [
      'an unknown version',
      { 'patchkit-version': '99' },
      /input patchkit-version: PatchKit has no version "99"/
    ],
    [
      'a draft without a valid key',
      { 'patchkit-version': '13', 'patchkit-api-key': 'bad' },
      /input patchkit-api-key: PatchKit refused the API key/
    ],
    [
      'a version that is not latest or an id',
      { 'patchkit-version': 'newest' },
      /input patchkit-version: "newest" is not latest or a version id/
    ]
  ])('%s is an error that says what to fix', async (_name, inputs, message) => {
    const patchkit = await serve(startPatchKitApi());
    const run = await runAction({
      config: 'webhooks:\n  - url: https://example.com/\n',
      inputs: {
        'patchkit-app-secret': PATCHKIT.secret,
        'patchkit-api-url': patchkit.url,
        ...inputs
      }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(message);
  });

  it('an unreachable PatchKit fails clearly after its retries', async () => {
    const patchkit = await serve(startPatchKitApi({ failFirst: 100 }));
    const run = await runAction({
      config: 'webhooks:\n  - url: https://example.com/\n',
      inputs: { 'patchkit-app-secret': PATCHKIT.secret, 'patchkit-api-url': patchkit.url }
    });
    expect(run.code).toBe(1);
    expect(patchkit.requests).toHaveLength(3);
    const message = annotations(run.stdout)[0].message;
    expect(message).toMatch(
      /input patchkit-api-url: PatchKit answered 503 Service Unavailable after 3 attempts: maintenance \(GET http:\/\/127\.0\.0\.1:\d+\/1\/apps\/\*\*\*\)/
    );
  });
});
