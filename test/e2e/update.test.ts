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
import { DISCOURSE_KEY, startDiscourse, type DiscoursePost } from '../support/fakes/discourse.js';
import { startMastodon, type MastodonStatus } from '../support/fakes/mastodon.js';
import {
  MATRIX_ROOM,
  MATRIX_TOKEN,
  startMatrix,
  type MatrixEvent
} from '../support/fakes/matrix.js';
import { startZulip, ZULIP_EMAIL, ZULIP_KEY, type ZulipMessage } from '../support/fakes/zulip.js';
import {
  DISCUSSIONS_REPOSITORY,
  DISCUSSIONS_TOKEN,
  startGitHubGraphql,
  type Discussion
} from '../support/fakes/github-graphql.js';
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

describe('update: true on Matrix, Discourse and Zulip', () => {
  let matrix: Fake<MatrixEvent>;
  let discourse: Fake<DiscoursePost>;
  let zulip: Fake<ZulipMessage>;
  beforeAll(async () => {
    [matrix, discourse, zulip] = await Promise.all([startMatrix(), startDiscourse(), startZulip()]);
  });
  afterAll(async () => {
    await Promise.all([matrix, discourse, zulip].map(fake => fake.close()));
  });

  const services = () => `defaults:
  update: true
  event: [version_published, version_processed]
webhooks:
  - name: Matrix
    to: matrix
    url: "${matrix.url}"
    auth: { token: ${MATRIX_TOKEN} }
    payload:
      room_id: "${MATRIX_ROOM}"
      body: "{% if event.name == 'version_published' %}Processing{% else %}Ready{% endif %} {{ version.label }}"
      formatted_body: "<b>{% if event.name == 'version_published' %}Processing{% else %}Ready{% endif %}</b>"
  - name: Discourse
    to: discourse
    url: "${discourse.url}"
    auth: { api_key: ${DISCOURSE_KEY}, api_username: system }
    payload:
      category: 7
      raw: "{% if event.name == 'version_published' %}Processing the build{% else %}The build is ready to download{% endif %}"
  - name: Zulip
    to: zulip
    url: "${zulip.url}"
    auth: { email: ${ZULIP_EMAIL}, api_key: ${ZULIP_KEY} }
    payload:
      to: releases
      content: "{% if event.name == 'version_published' %}Processing{% else %}Ready{% endif %}"
`;

  it('edits in place: an m.replace event, PUT /posts/{id}.json, PATCH /api/v1/messages/{id}', async () => {
    const published = await runAction({ config: services(), inputs: { 'version-label': '3.1.0' } });
    expect(errorMessages(published.stdout)).toBe('');
    const ids = JSON.parse(published.outputs['message-ids']) as Record<string, string>;
    expect(ids.Matrix).toMatch(/^\$ev\d+:matrix\.example\.org$/);
    const before = [discourse.messages.length, zulip.messages.length];

    const processed = await runAction({
      config: services(),
      inputs: {
        'version-label': '3.1.0',
        event: 'version_processed',
        'message-ids': published.outputs['message-ids']
      }
    });
    expect(errorMessages(processed.stdout)).toBe('');
    expect(processed.results.map(r => [r.name, r.ok, r.method])).toEqual([
      ['Matrix', true, 'PUT'],
      ['Discourse', true, 'PUT'],
      ['Zulip', true, 'PATCH']
    ]);
    // Matrix keeps the first event and adds one that replaces it.
    const replacement = matrix.messages.at(-1)!.content;
    expect(replacement['m.relates_to']).toEqual({ rel_type: 'm.replace', event_id: ids.Matrix });
    expect(replacement['m.new_content'].body).toBe('Ready 3.1.0');
    expect(replacement.body).toBe('* Ready 3.1.0');
    expect([discourse.messages.length, zulip.messages.length]).toEqual(before);
    const post = discourse.messages.find(m => String(m.id) === ids.Discourse)!;
    expect([post.edits, post.raw]).toEqual([1, 'The build is ready to download']);
    const message = zulip.messages.find(m => String(m.id) === ids.Zulip)!;
    expect([message.edits, message.content]).toEqual([1, 'Ready']);
    // The message that follows the release keeps its id, for the next event's edit.
    expect(JSON.parse(processed.outputs['message-ids'])).toEqual(ids);
  });
});

describe('update: true on GitHub Discussions', () => {
  let graphql: Fake<Discussion>;
  beforeAll(async () => {
    graphql = await startGitHubGraphql();
  });
  afterAll(async () => {
    await graphql.close();
  });
  const discussions = () => `webhooks:
  - name: Discussion
    to: github-discussions
    update: true
    event: [version_published, version_processed]
    payload:
      category: Announcements
      body: "{% if event.name == 'version_published' %}Building…{% else %}Ready to download{% endif %}"
`;

  it('edits the discussion with updateDiscussion; one that was deleted is posted anew', async () => {
    const run = (event: string, ids?: string) =>
      runAction({
        config: discussions(),
        inputs: {
          'version-label': '6.0.0',
          event,
          'github-token': DISCUSSIONS_TOKEN,
          ...(ids && { 'message-ids': ids })
        },
        env: { GITHUB_SERVER_URL: graphql.url, GITHUB_REPOSITORY: DISCUSSIONS_REPOSITORY }
      });
    const published = await run('version_published');
    expect(errorMessages(published.stdout)).toBe('');
    const ids = published.outputs['message-ids'];
    const processed = await run('version_processed', ids);
    expect(errorMessages(processed.stdout)).toBe('');
    expect(graphql.messages).toHaveLength(1);
    expect([graphql.messages[0].edits, graphql.messages[0].body]).toEqual([1, 'Ready to download']);
    expect(processed.outputs['message-ids']).toBe(ids);

    const gone = await run('version_processed', JSON.stringify({ Discussion: 'D_kwDOgone' }));
    expect(gone.results[0].ok).toBe(true);
    expect(graphql.messages).toHaveLength(2);
    expect(gone.stdout).toMatch(/::warning.*Discussion: message D_kwDOgone could not be edited/);
  });
});
