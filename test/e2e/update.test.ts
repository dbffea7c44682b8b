// One message that follows the release (SPEC §15): `update: true` edits the message an earlier
// event posted, by the id a former run's `message-ids` output gave, where the destination can.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorMessages, runAction } from '../support/action.js';
import { startActionsCache } from '../support/fakes/actions-cache.js';
import { startDiscord, type DiscordMessage } from '../support/fakes/discord.js';
import type { Fake } from '../support/fakes/fake.js';
import { startMastodon, type MastodonStatus } from '../support/fakes/mastodon.js';
import { startMattermost } from '../support/fakes/mattermost.js';
import { SLACK_BOT_TOKEN, startSlack, type SlackMessage } from '../support/fakes/slack.js';
import { startTelegram, type TelegramMessage } from '../support/fakes/telegram.js';

let discord: Fake<DiscordMessage>;
let telegram: Fake<TelegramMessage>;
let mattermost: Fake<unknown>;
let mastodon: Fake<MastodonStatus>;
let slack: Fake<SlackMessage>;
beforeAll(async () => {
  [discord, telegram, mattermost, mastodon, slack] = await Promise.all([
    startDiscord(),
    startTelegram(),
    startMattermost(),
    startMastodon(),
    startSlack()
  ]);
});
afterAll(async () => {
  await Promise.all([discord, telegram, mattermost, mastodon, slack].map(fake => fake.close()));
});

const config = () => `webhooks:
  - name: Discord
    to: discord
    url: "${discord.url}"
    update: true
    event: [version_published, version_processed, version_process_failed]
    payload:
      username: Release bot
      content: "{% if event.name == 'version_published' %}Processing…{% else %}Ready{% endif %}"
  - name: Telegram
    to: telegram
    url: "${telegram.url}"
    update: true
    event: [version_published, version_processed]
    payload: { chat_id: "-100123" }
  - name: Mattermost
    to: mattermost
    url: "${mattermost.url}"
    update: true
    event: [version_published, version_processed]
  - name: Slack
    to: slack
    url: "${new URL(slack.url).origin}/api/chat.postMessage"
    auth: { token: ${SLACK_BOT_TOKEN} }
    update: true
    event: [version_published, version_processed]
    payload: { channel: C0123RELEASES }
  - name: Mastodon
    to: mastodon
    url: "${mastodon.url}"
    auth: { token: mastodon-token }
    update: true
    event: [version_published, version_processed]
`;

describe('update: true', () => {
  it('edits the Discord and Telegram messages of the earlier event; Mattermost posts anew', async () => {
    const published = await runAction({ config: config(), inputs: { 'version-label': '1.4.0' } });
    expect(errorMessages(published.stdout)).toBe('');
    const ids = JSON.parse(published.outputs['message-ids']) as Record<string, string>;
    expect(Object.keys(ids).sort()).toEqual(['Discord', 'Mastodon', 'Slack', 'Telegram']);
    const counts = [discord, telegram, mattermost, mastodon].map(fake => fake.messages.length);

    const processed = await runAction({
      config: config(),
      inputs: {
        'version-label': '1.4.0',
        event: 'version_processed',
        'message-ids': published.outputs['message-ids']
      }
    });
    expect(errorMessages(processed.stdout)).toBe('');
    expect(processed.results.map(r => [r.name, r.ok, r.method])).toEqual([
      ['Discord', true, 'PATCH'],
      ['Telegram', true, 'POST'],
      ['Mattermost', true, 'POST'],
      ['Slack', true, 'POST'],
      ['Mastodon', true, 'PUT']
    ]);
    // No new Discord or Telegram message: the first ones were edited.
    expect([discord, telegram, mattermost, mastodon].map(fake => fake.messages.length)).toEqual([
      counts[0],
      counts[1],
      counts[2] + 1,
      counts[3]
    ]);
    expect(mastodon.messages.find(m => m.id === ids.Mastodon)?.edits).toBe(1);
    // Slack through chat.postMessage with a bot token: chat.update edits the same message.
    const slackMessage = slack.messages.find(m => m.ts === ids.Slack)!;
    expect(slackMessage.edits).toBe(1);
    expect(slack.messages.filter(m => m.ts)).toHaveLength(1);
    const edited = discord.messages.find(m => m.id === ids.Discord)!;
    expect(edited.edits).toBe(1);
    expect(edited.body.content).toBe('Ready');
    // Discord refuses `username` in an edit: it is left out.
    expect(edited.body.username).toBeUndefined();
    expect(telegram.messages.find(m => String(m.message_id) === ids.Telegram)?.edits).toBe(1);
    expect(JSON.parse(processed.outputs['message-ids'])).toEqual(ids);

    // A dry run given the ids shows the edits it would make.
    const preview = await runAction({
      config: config(),
      inputs: {
        test: 'true',
        'version-label': '1.4.0',
        event: 'version_processed',
        'message-ids': published.outputs['message-ids']
      }
    });
    expect(preview.stdout).toContain(`PATCH ${discord.url}/messages/${ids.Discord}`);
    expect(preview.stdout).toContain(
      `POST ${telegram.url.replace('/sendMessage', '/editMessageText')}`
    );
  });

  it('in one run, a later step edits what an earlier step posted, the id read from the record', async () => {
    const cache = await startActionsCache();
    const temp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
    const step = (event: string) =>
      runAction({
        config: config(),
        inputs: { 'version-label': '2.0.0', event },
        env: {
          GITHUB_RUN_ID: '91',
          GITHUB_RUN_ATTEMPT: '1',
          RUNNER_TEMP: temp,
          ACTIONS_CACHE_URL: cache.url,
          ACTIONS_RUNTIME_TOKEN: 'runtime-token'
        }
      });
    try {
      const published = await step('version_published');
      const ids = JSON.parse(published.outputs['message-ids']) as Record<string, string>;
      const count = discord.messages.length;
      const processed = await step('version_processed');
      expect(errorMessages(processed.stdout)).toBe('');
      expect(discord.messages.length).toBe(count);
      expect(discord.messages.find(m => m.id === ids.Discord)?.edits).toBe(1);
      expect(cache.entries.filter(e => e.committed)).toHaveLength(2);
    } finally {
      await cache.close();
    }
  });

  it('posts a new message, with a warning, when the one to edit was deleted', async () => {
    const before = discord.messages.length;
    const run = await runAction({
      config: config(),
      inputs: {
        'version-label': '1.4.0',
        event: 'version_process_failed',
        'message-ids': JSON.stringify({ Discord: '999' })
      }
    });
    expect(run.code).toBe(0);
    expect(run.results[0].ok).toBe(true);
    expect(discord.messages.length).toBe(before + 1);
    expect(run.stdout).toMatch(/::warning.*Discord: message 999 could not be edited \(404/);
  });

  it.each([
    ['not JSON', 'nope', 'input message-ids: is not valid JSON'],
    ['a list', '["1"]', 'input message-ids: must be a JSON object of webhook names to message ids'],
    [
      'an id that is not text',
      '{"Discord": true}',
      'the id of "Discord" must be a non-empty string'
    ],
    [
      'a webhook that does not exist',
      '{"Dicsord": "1"}',
      'input message-ids: no webhook named "Dicsord"'
    ]
  ])('message-ids that is %s is an input error', async (_what, value, message) => {
    const run = await runAction({
      config: config(),
      inputs: { 'version-label': '1.4.0', 'message-ids': value }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(message);
  });
});
