// The recipes of docs/recipes.md, run through the bundle with the outputs each release tool
// really gives (SPEC §15): the title, the link and a pre-release read as the tool meant them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { runAction, type ActionRun } from '../support/action.js';
import { RELEASE, startGitHubApi } from '../support/fake-apis.js';
import { startDiscord, type DiscordMessage } from '../support/fakes/discord.js';
import type { Fake } from '../support/fakes/fake.js';
import type { Receiver } from '../support/receiver.js';

let discord: Fake<DiscordMessage>;
let github: Receiver;
beforeAll(async () => {
  discord = await startDiscord();
  github = await startGitHubApi();
});
afterAll(async () => {
  await Promise.all([discord.close(), github.close()]);
});

const config = () => `webhooks:
  - name: Discord
    to: discord
    url: "${discord.url}/api/webhooks/1/token"
  - name: Stable channel
    url: "${discord.url}/api/webhooks/2/token"
    when: version.prerelease == false
    payload: { content: "{{ app.display_name }} {{ version.label }}" }
`;

/** What the Discord message said: its embed's title and link, and who was skipped. */
async function announce(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const before = discord.messages.length;
  const run: ActionRun = await runAction({
    config: config(),
    inputs: { 'github-token': 'ghs_valid_token', ...inputs },
    env: { GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch', GITHUB_API_URL: github.url, ...env }
  });
  expect(run.stdout).not.toMatch(/::error/);
  const posted = discord.messages.slice(before).find(message => message.body.embeds);
  const [embed] = posted?.body.embeds as Array<{ title: string; url: string }>;
  return {
    title: embed.title,
    url: embed.url,
    skipped: run.results.filter(r => r.skipped).map(r => r.name)
  };
}

/** Each recipe's `with:` block, as docs/recipes.md writes it. */
const recipes = readFileSync('docs/recipes.md', 'utf8');

describe('release flows that map their own outputs', () => {
  it('release-please: tag_name, html_url and body', async () => {
    expect(recipes).toContain('version-url: ${{ steps.release.outputs.html_url }}');
    expect(
      await announce({
        'version-label': 'v2.1.0',
        'version-url': 'https://github.com/octo-org/space-game/releases/tag/v2.1.0',
        'version-changes':
          '## [2.1.0](https://github.com/octo-org/space-game/compare/v2.0.0...v2.1.0)\n\n### Features\n\n* cloud saves ([#412](https://github.com/octo-org/space-game/issues/412))'
      })
    ).toEqual({
      title: 'space-game v2.1.0',
      url: 'https://github.com/octo-org/space-game/releases/tag/v2.1.0',
      skipped: []
    });
  });

  it('semantic-release: a beta on its channel is announced as a pre-release', async () => {
    expect(recipes).toContain(
      "version-prerelease: ${{ steps.semantic.outputs.new_release_channel != '' }}"
    );
    expect(
      await announce({
        'version-label': '2.1.0-beta.1',
        'version-prerelease': 'true',
        'version-url': 'https://github.com/octo-org/space-game/releases/tag/v2.1.0-beta.1',
        'version-changes':
          '# [2.1.0-beta.1](https://github.com/octo-org/space-game/compare/v2.0.0...v2.1.0-beta.1) (2026-12-07)'
      })
    ).toEqual({
      title: 'space-game 2.1.0-beta.1',
      url: 'https://github.com/octo-org/space-game/releases/tag/v2.1.0-beta.1',
      skipped: ['Stable channel']
    });
  });

  it('changesets: one announcement per published package, named by the package', async () => {
    expect(recipes).toContain('app-name: ${{ matrix.package.name }}');
    expect(
      await announce({
        'app-name': '@space/engine',
        'version-label': '1.1.0',
        'version-prerelease': 'false',
        'version-url': 'https://github.com/octo-org/space-game/releases/tag/@space/engine@1.1.0'
      })
    ).toEqual({
      title: '@space/engine 1.1.0',
      url: 'https://github.com/octo-org/space-game/releases/tag/@space/engine@1.1.0',
      skipped: []
    });
    // The package's tag alone, pushed or given as the label, reads the same.
    expect(
      await announce({}, { GITHUB_REF_NAME: '@space/engine@1.1.0', GITHUB_REF_TYPE: 'tag' })
    ).toEqual({
      title: '@space/engine 1.1.0',
      url: 'https://github.com/octo-org/space-game/releases/tag/@space/engine@1.1.0',
      skipped: []
    });
  });

  it("GoReleaser: the metadata's project and tag, and the release it published", async () => {
    expect(recipes).toContain('release: ${{ fromJSON(steps.goreleaser.outputs.metadata).tag }}');
    expect(
      await announce({
        'app-name': 'space-cli',
        'version-label': RELEASE.tag_name,
        'version-prerelease': 'false',
        release: RELEASE.tag_name
      })
    ).toEqual({ title: `space-cli ${RELEASE.tag_name}`, url: RELEASE.html_url, skipped: [] });
  });

  it('a version-prerelease or version-url that is not what it says is an input error', async () => {
    const run = await runAction({
      config: config(),
      inputs: {
        'version-label': '1.0.0',
        'version-prerelease': 'maybe',
        'version-url': 'releases/1'
      }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('input version-prerelease: "maybe" is not true or false');
    expect(run.stdout).toContain('input version-url: "releases/1" is not an http(s) URL');
  });

  it('message-ids names the message each destination posted', async () => {
    const run = await runAction({ config: config(), inputs: { 'version-label': '1.0.0' } });
    const ids = JSON.parse(run.outputs['message-ids']) as Record<string, string>;
    expect(Object.keys(ids)).toEqual(['Discord']);
    expect(ids.Discord).toBe(run.results[0].message_id);
  });
});
