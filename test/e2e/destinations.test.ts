// Destinations (SPEC §12) through the built action, against fakes that refuse what the real
// services refuse: every real release note in test/fixtures, through every destination's built-in
// message, is accepted; and a dry run's verdict equals the destination's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessages, runAction, type ActionRun } from '../support/action.js';
import { startDiscord, type DiscordMessage } from '../support/fakes/discord.js';
import type { Fake } from '../support/fakes/fake.js';
import { startGoogleChat } from '../support/fakes/google-chat.js';
import { startMastodon, type MastodonStatus } from '../support/fakes/mastodon.js';
import { startMattermost } from '../support/fakes/mattermost.js';
import { startRocketChat, type RocketChatMessage } from '../support/fakes/rocketchat.js';
import { SLACK_BOT_TOKEN, startSlack, type SlackMessage } from '../support/fakes/slack.js';
import { startTeams, type TeamsMessage } from '../support/fakes/teams.js';
import { startTelegram, type TelegramMessage } from '../support/fakes/telegram.js';
import { startReceiver } from '../support/receiver.js';
import { BLUESKY_PASSWORD, startBluesky, type BlueskyPost } from '../support/fakes/bluesky.js';
import { DISCOURSE_KEY, startDiscourse, type DiscoursePost } from '../support/fakes/discourse.js';
import {
  DISCUSSIONS_TOKEN,
  startGitHubGraphql,
  type Discussion
} from '../support/fakes/github-graphql.js';
import { MATRIX_TOKEN, startMatrix, type MatrixEvent } from '../support/fakes/matrix.js';
import {
  OPENCOLLECTIVE_TOKEN,
  startOpenCollective,
  type CollectiveUpdate
} from '../support/fakes/opencollective.js';
import {
  REDDIT_CLIENT,
  REDDIT_USER,
  startReddit,
  type RedditPost
} from '../support/fakes/reddit.js';
import { startZulip, ZULIP_KEY, type ZulipMessage } from '../support/fakes/zulip.js';
import { SMTP_USER, startSmtp, type ReceivedMail } from '../support/fakes/smtp.js';
import { startX, X_CREDENTIALS, type Post } from '../support/fakes/x.js';
import {
  LINKEDIN_AUTHOR,
  LINKEDIN_TOKEN,
  startLinkedIn,
  type LinkedInPost
} from '../support/fakes/linkedin.js';

const NOTES_DIR = path.resolve('test/fixtures/release-notes');
const NOTES = readdirSync(NOTES_DIR).filter(file => file.endsWith('.md') && file !== 'SOURCES.md');

let fakes: {
  discord: Fake<DiscordMessage>;
  slack: Fake<SlackMessage>;
  teams: Fake<TeamsMessage>;
  telegram: Fake<TelegramMessage>;
  'google-chat': Fake<unknown>;
  mattermost: Fake<unknown>;
  rocketchat: Fake<RocketChatMessage>;
  mastodon: Fake<MastodonStatus>;
  bluesky: Fake<BlueskyPost>;
  discourse: Fake<DiscoursePost>;
  zulip: Fake<ZulipMessage>;
  matrix: Fake<MatrixEvent>;
  'github-discussions': Fake<Discussion>;
  reddit: Fake<RedditPost>;
  opencollective: Fake<CollectiveUpdate>;
  email: Pick<Fake<ReceivedMail>, 'url' | 'messages' | 'close'>;
  x: Fake<Post>;
  linkedin: Fake<LinkedInPost>;
};
beforeAll(async () => {
  fakes = {
    discord: await startDiscord(),
    slack: await startSlack(),
    teams: await startTeams(),
    telegram: await startTelegram(),
    'google-chat': await startGoogleChat(),
    mattermost: await startMattermost(),
    rocketchat: await startRocketChat(),
    mastodon: await startMastodon(),
    bluesky: await startBluesky(),
    discourse: await startDiscourse(),
    zulip: await startZulip(),
    matrix: await startMatrix(),
    'github-discussions': await startGitHubGraphql(),
    reddit: await startReddit(),
    opencollective: await startOpenCollective(),
    email: await startSmtp(),
    x: await startX(),
    linkedin: await startLinkedIn()
  };
});
afterAll(async () => {
  await Promise.all(Object.values(fakes).map(fake => fake.close()));
});

const DESTINATIONS = [
  'discord',
  'slack',
  'teams',
  'telegram',
  'google-chat',
  'mattermost',
  'rocketchat',
  'mastodon',
  'bluesky',
  'discourse',
  'zulip',
  'matrix',
  'github-discussions',
  'reddit',
  'opencollective',
  'email',
  'x',
  'linkedin'
] as const;

/** What a destination needs besides its URL: Telegram its chat, Mastodon its token… */
const EXTRA: Partial<Record<(typeof DESTINATIONS)[number], string>> = {
  telegram: '    payload: { chat_id: "-1001234567890" }\n',
  mastodon: '    auth: { token: mastodon-token }\n',
  bluesky: '    auth: { identifier: releases.example.com, password: abcd-efgh-ijkl-mnop }\n',
  discourse:
    '    auth: { api_key: discourse-api-key, api_username: system }\n    payload: { category: 5 }\n',
  zulip:
    '    auth: { email: release-bot@zulip.example.com, api_key: zulip-api-key }\n    payload: { to: announce }\n',
  matrix:
    '    auth: { token: syt_bWF0cml4_token }\n    payload: { room_id: "!releases:matrix.example.org" }\n',
  'github-discussions':
    '    auth: { token: ghs_discussions_write }\n    payload: { repository: space/rocks, category: Announcements }\n',
  reddit:
    '    auth: { client_id: reddit-client-id, client_secret: reddit-client-secret, username: space_rocks_bot, password: reddit-password }\n    payload: { sr: spacerocks }\n',
  opencollective:
    '    auth: { token: oc-personal-token }\n    payload: { collective: space-rocks, audience: NO_ONE }\n',
  email: `    auth: { user: ${SMTP_USER.user}, password: ${SMTP_USER.password} }\n    payload: { from: releases@example.com, to: players@example.com }\n`,
  x: `    auth: ${JSON.stringify(X_CREDENTIALS)}\n`,
  linkedin: `    auth: { token: ${LINKEDIN_TOKEN}, author: "${LINKEDIN_AUTHOR}" }\n`
};

/** One webhook per destination, each with its built-in message. */
function everyDestination(): string {
  return `webhooks:\n${DESTINATIONS.map(
    name =>
      `  - name: ${name}\n    to: ${name}\n    url: "${fakes[name].url}${name === 'opencollective' ? '/graphql/v2' : ''}"\n${EXTRA[name] ?? ''}`
  ).join('')}`;
}

function verdicts(run: ActionRun): Record<string, boolean> {
  return Object.fromEntries(run.results.map(r => [r.name as string, r.ok as boolean]));
}

describe('every real release note through every destination', () => {
  it.each(NOTES)(
    '%s: the dry run passes, and every destination accepts the message',
    async note => {
      const inputs = {
        // A version per note: Mastodon takes one status per webhook-id (its Idempotency-Key).
        'version-label': `1.2.${parseInt(note, 10)}`,
        'app-display-name': 'Space Rocks',
        'version-content-size': '157286400',
        'version-changes-file': path.join(NOTES_DIR, note)
      };
      const dry = await runAction({
        config: everyDestination(),
        inputs: { ...inputs, test: 'true' }
      });
      const before = Object.fromEntries(
        DESTINATIONS.map(name => [name, fakes[name].messages.length])
      );
      const sent = await runAction({ config: everyDestination(), inputs });
      expect(errorMessages(dry.stdout)).toBe('');
      expect(errorMessages(sent.stdout)).toBe('');
      const all = Object.fromEntries(DESTINATIONS.map(name => [name, true]));
      expect(verdicts(dry)).toEqual(all);
      expect(verdicts(sent)).toEqual(all);
      for (const name of DESTINATIONS) expect(fakes[name].messages.length).toBe(before[name] + 1);
      expect((fakes.teams.messages.at(-1) as TeamsMessage).unsupported).toEqual([]);
    }
  );

  it("a 37 KB plain-text changelog fills at least 85% of each destination's room", async () => {
    const run = await runAction({
      config: everyDestination(),
      inputs: {
        'version-label': '5.5',
        'version-changes-file': path.join(NOTES_DIR, '08-raylib-5.5-plain-text.md')
      }
    });
    expect(errorMessages(run.stdout)).toBe('');
    const discord = fakes.discord.messages.at(-1)?.body.embeds as Array<{ description: string }>;
    expect(discord[0].description.length).toBeGreaterThanOrEqual(0.85 * 4096);
    const slack = fakes.slack.messages.at(-1)?.body.blocks as Array<{ text?: { text: string } }>;
    expect(slack[1].text!.text.length).toBeGreaterThanOrEqual(0.85 * 3000);
    // Telegram counts the text after entity parsing (the fake does too): tags take no room.
    const telegram = fakes.telegram.messages.at(-1) as TelegramMessage;
    expect(telegram.text.length).toBeGreaterThanOrEqual(0.85 * 4096);
    expect(telegram.text.length).toBeLessThanOrEqual(4096);
    const mattermost = fakes.mattermost.messages.at(-1) as { text: string };
    expect(mattermost.text.length).toBeGreaterThanOrEqual(0.85 * 16_383);
  });

  it('mass mentions in the notes notify nobody: Discord, Slack, Rocket.Chat, Zulip, Matrix, Discourse, X', async () => {
    const run = await runAction({
      config: everyDestination(),
      inputs: {
        'version-label': '1.1.0',
        'version-changes':
          'Hello @everyone and @here, and <!channel> and @all too, @room and @**all** and @**topic**'
      }
    });
    expect(run.code).toBe(0);
    const discord = fakes.discord.messages.at(-1) as DiscordMessage;
    expect(discord.body.allowed_mentions).toEqual({ parse: [] });
    expect(discord.pinged).toBe(false);
    const slack = JSON.stringify(fakes.slack.messages.at(-1)?.body);
    expect(slack).toContain('&lt;!channel&gt;');
    expect(slack).not.toContain('<!channel>');
    const rocketchat = fakes.rocketchat.messages.at(-1) as RocketChatMessage;
    expect(rocketchat.text).toContain('all too');
    expect(rocketchat.notified).toBe(false);
    const zulip = fakes.zulip.messages.at(-1)!;
    expect(zulip.content).toContain('all too');
    expect(zulip.notified).toBe(false);
    const matrix = fakes.matrix.messages.at(-1)!;
    expect(matrix.content.body).toContain('all too');
    expect(matrix.notified).toBe(false);
    const discourse = fakes.discourse.messages.at(-1)!;
    expect(discourse.raw).toContain('all too');
    expect(discourse.notified).toBe(false);
    // On X and Mastodon, `@name` mentions an account: nobody is.
    const x = fakes.x.messages.at(-1)!;
    expect(x.text).toContain('all too');
    expect(x.mentioned).toBe(false);
  });

  it("Slack's Web API, reached with a bot token: a refusal given with status 200 is a failure", async () => {
    const run = await runAction({
      config: `webhooks:\n  - to: slack\n    url: "${new URL(fakes.slack.url).origin}/api/chat.postMessage"\n    auth: { token: ${SLACK_BOT_TOKEN} }\n    payload: { channel: C999 }\n`,
      inputs: { 'version-label': '1.1.0' }
    });
    expect(run.code).toBe(1);
    expect(run.results[0].error).toBe('200 OK: channel_not_found');
  });

  it('Rocket.Chat refuses a channel override the integration does not allow, in its words', async () => {
    const run = await runAction({
      config: `webhooks:\n  - to: rocketchat\n    url: "${fakes.rocketchat.url}"\n    payload: { channel: "#general" }\n`,
      inputs: { 'version-label': '1.1.0' }
    });
    expect(run.code).toBe(1);
    expect(run.results[0].error).toBe(
      '400 Bad Request (not retried): overriding destination channel is disabled for this integration'
    );
  });

  it('Mastodon: a token in auth, masked everywhere; a re-run posts nothing new (Idempotency-Key)', async () => {
    const config = `webhooks:\n  - name: Mastodon\n    to: mastodon\n    url: "${fakes.mastodon.url}"\n    auth: { token: "{{ secrets.MASTODON_TOKEN }}" }\n`;
    const secrets = JSON.stringify({ MASTODON_TOKEN: 'mastodon-token' });
    const before = fakes.mastodon.messages.length;
    const inputs = {
      'version-label': '7.0.0',
      secrets,
      'version-changes-file': path.join(NOTES_DIR, '08-raylib-5.5-plain-text.md')
    };
    const first = await runAction({ config, inputs });
    const again = await runAction({ config, inputs });
    expect(errorMessages(first.stdout)).toBe('');
    expect(fakes.mastodon.messages.length).toBe(before + 1);
    expect(again.results[0].message_id).toBe(first.results[0].message_id);
    const status = fakes.mastodon.messages.at(-1)!.status;
    expect(status.startsWith('space-game 7.0.0\n\n')).toBe(true);
    // Mastodon's count (URLs 23) leaves room to spare, and the cut fills it.
    expect(status.length).toBeGreaterThan(300);

    const preview = await runAction({ config, inputs: { ...inputs, test: 'true' } });
    expect(preview.stdout).toContain('Authorization: ***');
    expect(preview.stdout).toContain(`POST ${fakes.mastodon.url}/api/v1/statuses`);
    expect(preview.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('mastodon-token');
  });

  it('Mastodon: a missing auth.token, or a status over its count, fails the check at the webhook', async () => {
    const missing = await runAction({
      config: `webhooks:\n  - name: Mastodon\n    to: mastodon\n    url: "${fakes.mastodon.url}"\n`,
      inputs: { test: 'true' }
    });
    expect(missing.code).toBe(1);
    expect(errorMessages(missing.stdout)).toContain('to: mastodon needs `auth.token`');
    const long = await runAction({
      config: `webhooks:\n  - name: Mastodon\n    to: mastodon\n    url: "${fakes.mastodon.url}"\n    auth: { token: t }\n    payload: { status: "{{ version.changes }}" }\n`,
      inputs: { test: 'true' }
    });
    expect(long.code).toBe(1);
    expect(errorMessages(long.stdout)).toMatch(
      /Mastodon would refuse this: status is \d+ characters as Mastodon counts them/
    );
  });

  it('message_id comes from Discord (wait=true), Telegram and Google Chat', async () => {
    const run = await runAction({
      config: everyDestination(),
      inputs: { 'version-label': '1.0.0' }
    });
    const ids = Object.fromEntries(run.results.map(r => [r.name, r.message_id]));
    expect(ids.discord).toMatch(/^\d{17,20}$/);
    expect(ids.telegram).toMatch(/^\d+$/);
    expect(ids['google-chat']).toMatch(/^spaces\/AAAA\/messages\//);
    expect(ids.slack).toBeNull();
    expect(run.results.find(r => r.name === 'discord')?.url).toMatch(/\?wait=true$/);
  });
});

/** Payloads of one's own that a destination refuses. */
const REFUSED: Array<[string, (typeof DESTINATIONS)[number], string, RegExp]> = [
  [
    'Discord content over 2000',
    'discord',
    `{ content: "${'x'.repeat(2100)}" }`,
    /content is 2100 characters long; the limit is 2000/
  ],
  [
    'a Discord message with neither content nor embeds',
    'discord',
    '{ embeds: [], content: "" }',
    /needs `content` or `embeds`/
  ],
  [
    'a Slack section over 3000',
    'slack',
    `{ blocks: [{ type: section, text: { type: mrkdwn, text: "${'y'.repeat(3100)}" } }] }`,
    /blocks\[0\]\.text\.text is 3100 characters long; the limit is 3000/
  ],
  [
    'a Slack header over 150',
    'slack',
    `{ blocks: [{ type: header, text: { type: plain_text, text: "${'h'.repeat(200)}" } }] }`,
    /the limit is 150/
  ],
  [
    'an Office 365 connector card to a Teams Workflows webhook',
    'teams',
    '{ type: null, attachments: null, "@type": MessageCard, text: "hi" }',
    /Office 365 connector cards are retired/
  ],
  [
    'Telegram HTML with a tag it does not know',
    'telegram',
    '{ chat_id: "1", parse_mode: HTML, text: "<div>hi</div>" }',
    /can't parse entities/
  ],
  [
    'Telegram text over 4096',
    'telegram',
    `{ chat_id: "1", parse_mode: null, text: "${'t'.repeat(4200)}" }`,
    /text is 4200 characters after entity parsing/
  ],
  ['Telegram without chat_id', 'telegram', '{ text: "hi" }', /needs `chat_id`/],
  [
    'Google Chat over 32,000 bytes',
    'google-chat',
    `{ text: "${'é'.repeat(17000)}" }`,
    /the body is \d+ bytes; Google Chat takes at most 32000/
  ],
  [
    'Mattermost text over 16,383',
    'mattermost',
    `{ text: "${'m'.repeat(17000)}" }`,
    /text is 17000 characters long; the limit is 16383/
  ]
];

describe("a dry run's verdict is the destination's", () => {
  it.each(REFUSED)(
    '%s: the dry run refuses at the webhook, and so does the destination',
    async (_name, to, payload, message) => {
      const dry = await runAction({
        config: `webhooks:\n  - name: mine\n    to: ${to}\n    url: "${fakes[to].url}"\n    payload: ${payload}\n`,
        inputs: { test: 'true', 'version-label': '1.0.0' }
      });
      expect(dry.code).toBe(1);
      expect(errorMessages(dry.stdout)).toMatch(message);
      expect(dry.stdout).toMatch(/::error .*file=\.github\/webhooks\.yml,line=5/);
      // A real delivery checks the same way before sending: nothing leaves.
      const before = (fakes[to] as Fake<unknown>).requests.length;
      const real = await runAction({
        config: `webhooks:\n  - name: mine\n    to: ${to}\n    url: "${fakes[to].url}"\n    payload: ${payload}\n`,
        inputs: { 'version-label': '1.0.0' }
      });
      expect(real.code).toBe(1);
      expect((fakes[to] as Fake<unknown>).requests.length).toBe(before);
      // The destination itself refuses the payload, sent as a plain request past the checks.
      const refusedBy = await runAction({
        config: `webhooks:\n  - name: raw\n    url: "${fakes[to].url}"\n    payload: ${payload}\n`,
        inputs: { 'version-label': '1.0.0' }
      });
      expect(refusedBy.results[0].ok).toBe(false);
      expect(refusedBy.results[0].status).toBeGreaterThanOrEqual(400);
    }
  );
});

describe('answers read as each destination means them', () => {
  it("Telegram's ok: false is a failure even with status 200, with Telegram's description", async () => {
    const telegram = await startReceiver((_request, response) =>
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end('{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}')
    );
    try {
      const run = await runAction({
        config: `webhooks:\n  - to: telegram\n    url: "${telegram.url}/botX/sendMessage"\n    payload: { chat_id: "1" }\n`,
        inputs: { 'version-label': '1.0.0' }
      });
      expect(run.code).toBe(1);
      expect(run.results[0].error).toBe(
        '200 OK: Telegram answered ok: false: Bad Request: chat not found'
      );
    } finally {
      await telegram.close();
    }
  });

  it("a 429's wait comes from Discord's retry_after (seconds, fractional)", async () => {
    const discord = await startReceiver((_request, response, count) => {
      if (count === 1)
        return response
          .writeHead(429, { 'Content-Type': 'application/json' })
          .end('{"message":"You are being rate limited.","retry_after":0.05,"global":false}');
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"42"}');
    });
    try {
      const run = await runAction({
        config: `webhooks:\n  - to: discord\n    url: "${discord.url}/api/webhooks/1/t"\n`,
        inputs: { 'version-label': '1.0.0' }
      });
      expect(run.code).toBe(0);
      expect(run.results[0]).toMatchObject({ attempts: 2, message_id: '42' });
      expect(run.stdout).toContain('retrying in 0.1 s');
    } finally {
      await discord.close();
    }
  });
});

/** The secrets the recipes read, as each fake takes them. */
const RECIPE_SECRETS = () => ({
  DISCORD_WEBHOOK_URL: fakes.discord.url,
  SLACK_WEBHOOK_URL: fakes.slack.url,
  SLACK_BOT_TOKEN,
  TEAMS_WEBHOOK_URL: fakes.teams.url,
  TELEGRAM_BOT_TOKEN: '123456:ABC',
  GOOGLE_CHAT_WEBHOOK_URL: fakes['google-chat'].url,
  MATTERMOST_WEBHOOK_URL: fakes.mattermost.url,
  ROCKETCHAT_WEBHOOK_URL: fakes.rocketchat.url,
  MASTODON_TOKEN: 'mastodon-token',
  BLUESKY_APP_PASSWORD: BLUESKY_PASSWORD,
  DISCOURSE_API_KEY: DISCOURSE_KEY,
  ZULIP_API_KEY: ZULIP_KEY,
  MATRIX_TOKEN,
  REDDIT_CLIENT_ID: REDDIT_CLIENT.id,
  REDDIT_CLIENT_SECRET: REDDIT_CLIENT.secret,
  REDDIT_PASSWORD: REDDIT_USER.password,
  OPENCOLLECTIVE_TOKEN,
  SMTP_PASSWORD: SMTP_USER.password,
  X_CONSUMER_KEY: X_CREDENTIALS.consumer_key,
  X_CONSUMER_SECRET: X_CREDENTIALS.consumer_secret,
  X_ACCESS_TOKEN: X_CREDENTIALS.access_token,
  X_ACCESS_TOKEN_SECRET: X_CREDENTIALS.access_token_secret,
  LINKEDIN_TOKEN
});

describe('the destination recipes of the docs', () => {
  const page = readFileSync('docs/destinations.md', 'utf8');
  const section = page.slice(0, page.indexOf('## Markup filters'));
  const recipes = [...section.matchAll(/```yaml\n(webhooks:[^]*?)```/g)].map(m => m[1]);

  it.each(recipes.map(recipe => [/name: (.+)/.exec(recipe)?.[1], recipe]))(
    '%s passes a dry run on a pull request from a fork (no secrets)',
    async (_name, recipe) => {
      const run = await runAction({
        config: recipe as string,
        inputs: {
          test: 'true',
          vars: JSON.stringify({ TELEGRAM_CHAT: '-1001234567890' }),
          'version-changes-file': path.join(NOTES_DIR, NOTES[1])
        }
      });
      expect(errorMessages(run.stdout)).toBe('');
      expect(run.code).toBe(0);
    }
  );

  it.each(recipes.map(recipe => [/name: (.+)/.exec(recipe)?.[1], recipe]))(
    '%s is delivered by the bundle and accepted by its strict fake',
    async (_name, recipe) => {
      const to = /to: ([\w-]+)/.exec(recipe as string)![1] as (typeof DESTINATIONS)[number];
      const fake = fakes[to];
      const before = fake.messages.length;
      const urls: Partial<Record<string, string>> = {
        slack: `${new URL(fakes.slack.url).origin}/api/chat.postMessage`,
        opencollective: `${fakes.opencollective.url}/graphql/v2`
      };
      // A URL written in the recipe is the fake's here; one read from a secret is the secret's.
      const literal = /^ {4}url: (?!'\{\{ secrets)(.*)$/m;
      const url = `    url: "${urls[to] ?? fake.url}"`;
      const config =
        to === 'github-discussions'
          ? (recipe as string)
          : literal.test(recipe as string)
            ? (recipe as string).replace(literal, url)
            : /url: /.test(recipe as string)
              ? (recipe as string)
              : (recipe as string).replace(/^( {4}to: .*)$/m, `$1\n${url}`);
      const run = await runAction({
        config,
        inputs: {
          'version-label': `9.${DESTINATIONS.indexOf(to)}.${recipes.indexOf(recipe as string)}`,
          'app-display-name': 'Space Rocks',
          vars: JSON.stringify({ TELEGRAM_CHAT: '-1001234567890' }),
          secrets: JSON.stringify(RECIPE_SECRETS()),
          'github-token': DISCUSSIONS_TOKEN,
          'version-changes-file': path.join(NOTES_DIR, NOTES[1])
        },
        env: {
          GITHUB_SERVER_URL: fakes['github-discussions'].url,
          GITHUB_REPOSITORY: 'space/rocks'
        }
      });
      expect(errorMessages(run.stdout)).toBe('');
      expect(fake.messages.length).toBe(before + 1);
    }
  );

  it('covers every destination', () => {
    const covered = new Set(recipes.map(recipe => /to: ([\w-]+)/.exec(recipe)?.[1]));
    expect([...covered].sort()).toEqual([...DESTINATIONS].sort());
  });
});
