// Announcing everywhere (SPEC 14) through the built action: a destination of several requests is
// shown and checked step by step in a dry run, each step is retried on its own and a failure is
// named by its step, a credential an answer gives is never printed, and each service's own rules
// (Bluesky's facets, GitHub's categories, Reddit's and GraphQL's 200 refusals) hold against
// strict fakes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorMessages, runAction } from '../support/action.js';
import {
  BLUESKY_IDENTIFIER,
  BLUESKY_PASSWORD,
  startBluesky,
  type BlueskyPost
} from '../support/fakes/bluesky.js';
import { DISCOURSE_KEY, startDiscourse, type DiscoursePost } from '../support/fakes/discourse.js';
import type { Fake } from '../support/fakes/fake.js';
import {
  DISCUSSIONS_REPOSITORY,
  DISCUSSIONS_TOKEN,
  READ_ONLY_TOKEN,
  startGitHubGraphql,
  type Discussion
} from '../support/fakes/github-graphql.js';
import {
  MATRIX_ROOM,
  MATRIX_TOKEN,
  startMatrix,
  type MatrixEvent
} from '../support/fakes/matrix.js';
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
import { startZulip, ZULIP_EMAIL, ZULIP_KEY, type ZulipMessage } from '../support/fakes/zulip.js';
import { startReceiver } from '../support/receiver.js';
import { startX, X_CREDENTIALS, type Post } from '../support/fakes/x.js';
import {
  LINKEDIN_AUTHOR,
  LINKEDIN_TOKEN,
  startLinkedIn,
  type LinkedInPost
} from '../support/fakes/linkedin.js';

let bluesky: Fake<BlueskyPost> & { sessions: number };
let discussions: Fake<Discussion>;
let reddit: Fake<RedditPost>;
let opencollective: Fake<CollectiveUpdate>;
let matrix: Fake<MatrixEvent>;
let discourse: Fake<DiscoursePost>;
let zulip: Fake<ZulipMessage>;
beforeAll(async () => {
  [bluesky, discussions, reddit, opencollective, matrix, discourse, zulip] = await Promise.all([
    startBluesky(),
    startGitHubGraphql(),
    startReddit(),
    startOpenCollective(),
    startMatrix(),
    startDiscourse(),
    startZulip()
  ]);
});
afterAll(async () => {
  await Promise.all(
    [bluesky, discussions, reddit, opencollective, matrix, discourse, zulip].map(f => f.close())
  );
});

const blueskyConfig = (password = '{{ secrets.BLUESKY_APP_PASSWORD }}') => `webhooks:
  - name: Bluesky
    to: bluesky
    url: "${bluesky.url}"
    auth: { identifier: ${BLUESKY_IDENTIFIER}, password: "${password}" }
`;
const blueskySecrets = JSON.stringify({ BLUESKY_APP_PASSWORD: BLUESKY_PASSWORD });

describe('a destination of several requests', () => {
  it('a dry run shows each step, the credential and the token an answer would give as ***', async () => {
    const run = await runAction({
      config: blueskyConfig(),
      inputs: { test: 'true', 'version-label': '1.0.0', secrets: blueskySecrets }
    });
    expect(errorMessages(run.stdout)).toBe('');
    expect(run.stdout).toContain(
      `::group::Bluesky — 1/2 createSession: POST ${bluesky.url}/xrpc/com.atproto.server.createSession`
    );
    expect(run.stdout).toContain(
      `::group::Bluesky — 2/2 createRecord: POST ${bluesky.url}/xrpc/com.atproto.repo.createRecord`
    );
    const [result] = run.results as Array<{
      request: { headers: Record<string, string>; body: string };
      steps: Array<{ step: string; body: string }>;
    }>;
    expect(result.steps.map(step => step.step)).toEqual(['createSession']);
    // Every `auth` value is shown as ***, the identifier too.
    expect(JSON.parse(result.steps[0].body)).toEqual({ identifier: '***', password: '***' });
    expect(result.request.headers.Authorization).toBe('***');
    expect(JSON.parse(result.request.body).repo).toBe('‹did from createSession›');
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(BLUESKY_PASSWORD);
    expect(bluesky.requests).toHaveLength(0);
  });

  it("Bluesky: a session, then the post; links are facets in UTF-8 bytes; the session's token is never printed", async () => {
    const changes = '🚀 Ünïcode — 火箭 see https://example.com/notes/1.0. Thanks!';
    const run = await runAction({
      config: blueskyConfig(),
      inputs: { 'version-label': '1.0.1', 'version-changes': changes, secrets: blueskySecrets }
    });
    expect(errorMessages(run.stdout)).toBe('');
    expect(run.results[0].message_id).toMatch(
      /^at:\/\/did:plc:releases7example\/app\.bsky\.feed\.post\//
    );
    const post = bluesky.messages.at(-1)!;
    const bytes = Buffer.from(post.text);
    const linked = post.facets.map(f =>
      bytes.subarray(f.index.byteStart, f.index.byteEnd).toString()
    );
    expect(linked).toContain('https://example.com/notes/1.0');
    // The release page is a link card: it takes no room in the 300 graphemes.
    expect(post.card).toMatch(/^https:\/\/github.com\/octo-org\/space-game\/releases\/tag\//);
    expect(post.text).not.toContain('/releases/');
    // The session's access token is masked: it appears nowhere but in ::add-mask::.
    const printed = run.stdout.replace(/^::add-mask::.*$/gm, '');
    expect(printed).not.toContain('eyJhbGciOiJFUzI1NiJ9.access.bluesky');
    expect(run.stdout).toContain('::add-mask::eyJhbGciOiJFUzI1NiJ9.access.bluesky');
    expect(printed).toMatch(/✓ Bluesky: createSession: POST .* → 200 OK \(attempt 1\)/);
  });

  it('a failure is named by its step, and the steps after it are not made', async () => {
    const before = bluesky.requests.length;
    const run = await runAction({
      config: blueskyConfig('wrong-password'),
      inputs: { 'version-label': '1.0.2' }
    });
    expect(run.code).toBe(1);
    expect(run.results[0].error).toBe(
      'createSession (step 1 of 2): 401 Unauthorized (not retried): Invalid identifier or password'
    );
    expect(bluesky.requests.slice(before).map(r => r.url)).toEqual([
      '/xrpc/com.atproto.server.createSession'
    ]);
  });

  it('each step is retried on its own: a 503 on the post does not log in again', async () => {
    let posts = 0;
    const flaky = await startReceiver((request, response) => {
      if (request.url.endsWith('createSession'))
        return response
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ accessJwt: 'jwt-flaky', did: 'did:plc:flaky' }));
      if (posts++ === 0) return response.writeHead(503).end();
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ uri: 'at://did:plc:flaky/app.bsky.feed.post/1', cid: 'b' }));
    });
    try {
      const run = await runAction({
        config: blueskyConfig().replace(bluesky.url, flaky.url),
        inputs: { 'version-label': '1.0.3', secrets: blueskySecrets, retries: '2' }
      });
      expect(errorMessages(run.stdout)).toBe('');
      expect(flaky.requests.map(r => r.url.split('.').at(-1))).toEqual([
        'createSession',
        'createRecord',
        'createRecord'
      ]);
      expect(run.results[0].attempts).toBe(3);
    } finally {
      await flaky.close();
    }
  });

  it('a post over 300 graphemes fails the check at the webhook, in a dry run too', async () => {
    const run = await runAction({
      config: `${blueskyConfig()}    payload: { text: "{{ version.changes }}" }\n`,
      inputs: { test: 'true', 'version-changes': '🙂'.repeat(301), secrets: blueskySecrets }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain(
      'Bluesky would refuse this: text is 301 graphemes long; the limit is 300'
    );
  });
});

describe('GitHub Discussions', () => {
  const config = (category = 'Announcements') => `webhooks:
  - name: Discussions
    to: github-discussions
    payload: { category: ${category} }
`;
  const env = { GITHUB_SERVER_URL: discussions?.url, GITHUB_REPOSITORY: DISCUSSIONS_REPOSITORY };

  it('posts with the github-token input, the ids looked up by name', async () => {
    const run = await runAction({
      config: config('announcements'),
      inputs: { 'version-label': '2.0.0', 'github-token': DISCUSSIONS_TOKEN },
      env: { ...env, GITHUB_SERVER_URL: discussions.url }
    });
    expect(errorMessages(run.stdout)).toBe('');
    const discussion = discussions.messages.at(-1)!;
    expect(discussion.categoryId).toBe('DIC_kwDOannounce');
    expect(run.results[0].message_id).toBe(discussion.id);
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(DISCUSSIONS_TOKEN);
  });

  it('a category the repository lacks is named, with those it has', async () => {
    const run = await runAction({
      config: config('Releases'),
      inputs: { 'version-label': '2.0.1', 'github-token': DISCUSSIONS_TOKEN },
      env: { ...env, GITHUB_SERVER_URL: discussions.url }
    });
    expect(run.results[0].error).toBe(
      'repository (step 1 of 2): 200 OK: no discussion category "Releases" in space/rocks (it has: Announcements, General)'
    );
  });

  it("a token without discussions: write is refused in GitHub's words", async () => {
    const run = await runAction({
      config: config(),
      inputs: { 'version-label': '2.0.2', 'github-token': READ_ONLY_TOKEN },
      env: { ...env, GITHUB_SERVER_URL: discussions.url }
    });
    expect(run.results[0].error).toBe(
      'createDiscussion (step 2 of 2): 200 OK: FORBIDDEN: Resource not accessible by integration'
    );
  });
});

describe('refusals given with status 200 and credentials echoed back', () => {
  const redditConfig = (password: string, sr = 'spacerocks') => `webhooks:
  - name: Reddit
    to: reddit
    url: "${reddit.url}"
    auth: { client_id: ${REDDIT_CLIENT.id}, client_secret: ${REDDIT_CLIENT.secret}, username: ${REDDIT_USER.name}, password: "${password}" }
    payload: { sr: ${sr} }
`;

  it("Reddit: a wrong password (invalid_grant) and an unknown subreddit fail their step in Reddit's words", async () => {
    const wrong = await runAction({
      config: redditConfig('nope'),
      inputs: { 'version-label': '3.0.0' }
    });
    expect(wrong.results[0].error).toBe(
      'access_token (step 1 of 2): 200 OK: invalid_grant: the username or password is wrong (or the account has two-factor authentication)'
    );
    const unknown = await runAction({
      config: redditConfig(REDDIT_USER.password, 'nosuchplace'),
      inputs: { 'version-label': '3.0.1' }
    });
    expect(unknown.results[0].error).toBe(
      "submit (step 2 of 2): 200 OK: SUBREDDIT_NOEXIST: that subreddit doesn't exist (sr)"
    );
    expect(unknown.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('reddit-access-token');
  });

  it('Open Collective: a draft, then published to its audience; a wrong token echoed back is masked', async () => {
    const config = (token: string) => `webhooks:
  - name: Open Collective
    to: opencollective
    url: "${opencollective.url}/graphql/v2"
    auth: { token: "${token}" }
    payload: { collective: space-rocks, audience: NO_ONE }
`;
    const run = await runAction({
      config: config(OPENCOLLECTIVE_TOKEN),
      inputs: { 'version-label': '3.1.0' }
    });
    expect(errorMessages(run.stdout)).toBe('');
    const update = opencollective.messages.at(-1)!;
    expect([update.publishedAt !== null, update.audience]).toEqual([true, 'NO_ONE']);
    expect(run.results[0].message_id).toBe(update.id);

    const wrong = await runAction({
      config: config('oc-wrong-token-1234'),
      inputs: { 'version-label': '3.1.1' }
    });
    expect(wrong.results[0].error).toBe(
      'createUpdate (step 1 of 2): 401 Unauthorized (not retried): Invalid Personal Token (Api Key): ***'
    );
    expect(wrong.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('oc-wrong-token-1234');
  });
});

describe('checks of the one-request services', () => {
  it.each([
    [
      'Matrix, an alias instead of a room id',
      `to: matrix\n    url: "http://127.0.0.1:1"\n    auth: { token: t }\n    payload: { room_id: "#releases:matrix.org" }`,
      'Matrix would refuse this: `#releases:matrix.org` is not a room id'
    ],

    [
      'Discourse, no category',
      `to: discourse\n    url: "http://127.0.0.1:1"\n    auth: { api_key: k, api_username: system }`,
      'Discourse would refuse this: Discourse needs `category`'
    ],
    [
      'Zulip, content Zulip would cut silently',
      `to: zulip\n    url: "http://127.0.0.1:1"\n    auth: { email: e, api_key: k }\n    payload: { to: announce, content: "{{ version.changes }}" }`,
      'Zulip would refuse this: content is 10001 characters long'
    ],
    [
      'Zulip, no channel',
      `to: zulip\n    url: "http://127.0.0.1:1"\n    auth: { email: e, api_key: k }`,
      'Zulip would refuse this: Zulip needs `to`'
    ],
    [
      'an auth key the destination does not read (a typo)',
      `to: mastodon\n    url: "http://127.0.0.1:1"\n    auth: { tokn: t }`,
      'to: mastodon has no `auth.tokn`: it reads `token` (did you mean `token`?)'
    ],
    [
      'auth on a webhook to any endpoint',
      `url: "http://127.0.0.1:1"\n    auth: { token: t }`,
      'to: http has no `auth.token`: a webhook to any endpoint sends its credentials in `headers`'
    ],
    [
      'GitHub Discussions, no category',
      `to: github-discussions`,
      'GitHub Discussions would refuse this: GitHub Discussions needs `category`'
    ]
  ])('%s is an error at the webhook in a dry run', async (_what, webhook, message) => {
    const run = await runAction({
      config: `webhooks:\n  - name: Service\n    ${webhook}\n`,
      inputs: { test: 'true', 'version-changes': 'x'.repeat(10_001) }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain(message);
  });

  it('Zulip: an unknown channel fails in its words; Matrix: a retry is the same event', async () => {
    const run = await runAction({
      config: `webhooks:\n  - name: Zulip\n    to: zulip\n    url: "${zulip.url}"\n    auth: { email: ${ZULIP_EMAIL}, api_key: ${ZULIP_KEY} }\n    payload: { to: nowhere }\n`,
      inputs: { 'version-label': '4.0.0' }
    });
    expect(run.results[0].error).toBe(
      "400 Bad Request (not retried): Channel 'nowhere' does not exist"
    );

    const matrixConfig = `webhooks:\n  - name: Matrix\n    to: matrix\n    url: "${matrix.url}"\n    auth: { token: ${MATRIX_TOKEN} }\n    payload: { room_id: "${MATRIX_ROOM}" }\n`;
    const first = await runAction({ config: matrixConfig, inputs: { 'version-label': '4.0.1' } });
    const again = await runAction({ config: matrixConfig, inputs: { 'version-label': '4.0.1' } });
    expect(errorMessages(first.stdout + again.stdout)).toBe('');
    expect(again.results[0].message_id).toBe(first.results[0].message_id);
    const event = matrix.messages.find(m => m.eventId === first.results[0].message_id)!;
    expect(event.content['m.mentions']).toEqual({});
    expect(event.content.formatted_body).toContain('<h3>');
    expect(matrix.messages.filter(m => m.eventId === event.eventId)).toHaveLength(1);
  });

  it('Discourse: a category given by name is looked up first (a subcategory too); an unknown one is named', async () => {
    const config = (category: string) =>
      `webhooks:\n  - name: Forum\n    to: discourse\n    url: "${discourse.url}"\n    auth: { api_key: ${DISCOURSE_KEY}, api_username: system }\n    payload: { category: "${category}" }\n`;
    const preview = await runAction({ config: config('Release notes'), inputs: { test: 'true' } });
    expect(preview.stdout).toContain(
      `::group::Forum — 1/2 categories: GET ${discourse.url}/categories.json?include_subcategories=true`
    );
    const run = await runAction({
      config: config('release notes'),
      inputs: { 'version-label': '4.2.0', 'app-display-name': 'Space Rocks' }
    });
    expect(errorMessages(run.stdout)).toBe('');
    expect(discourse.messages.at(-1)!.category).toBe(7);
    const unknown = await runAction({
      config: config('News'),
      inputs: { 'version-label': '4.2.1', 'app-display-name': 'Space Rocks' }
    });
    expect(unknown.results[0].error).toBe(
      'categories (step 1 of 2): 200 OK: no category "News" (the forum has: Announcements, General, Release notes)'
    );
    // An id needs no lookup: one request.
    const before = discourse.requests.length;
    const byId = await runAction({
      config: config('5'),
      inputs: { 'version-label': '4.2.2', 'app-display-name': 'Space Rocks' }
    });
    expect(errorMessages(byId.stdout)).toBe('');
    expect(discourse.requests.slice(before).map(r => r.method)).toEqual(['POST']);
  });

  it('Discourse: a title under 15 characters gets " released"; the webhook-id is its external_id', async () => {
    const run = await runAction({
      config: `webhooks:\n  - name: Forum\n    to: discourse\n    url: "${discourse.url}"\n    auth: { api_key: ${DISCOURSE_KEY}, api_username: system }\n    payload: { category: 5 }\n`,
      inputs: {
        'version-label': '4.1',
        'app-display-name': 'Rocks',
        'version-changes': 'Faster asteroids, fewer crashes.'
      }
    });
    expect(errorMessages(run.stdout)).toBe('');
    const post = discourse.messages.at(-1)!;
    expect(post.title).toBe('Rocks 4.1 released');
    expect(post.externalId).toMatch(/^rw-[0-9a-f-]{36}$/);
  });
});

describe('X and LinkedIn', () => {
  let xFake: Fake<Post> & { failNext(count: number): void };
  let linkedinFake: Fake<LinkedInPost>;
  beforeAll(async () => {
    [xFake, linkedinFake] = await Promise.all([startX(), startLinkedIn()]);
  });
  afterAll(async () => {
    await Promise.all([xFake.close(), linkedinFake.close()]);
  });
  const xConfig = (payload = '') =>
    `webhooks:\n  - name: X\n    to: x\n    url: "${xFake.url}"\n    auth: ${JSON.stringify(X_CREDENTIALS)}\n${payload}`;

  it('X: a signed post, the signature checked by the fake; the built-in post fits 280 as X weighs CJK', async () => {
    const run = await runAction({
      config: xConfig(),
      inputs: { 'version-label': '5.0.0', 'version-changes': '修复了启动时的崩溃。'.repeat(40) }
    });
    expect(errorMessages(run.stdout)).toBe('');
    expect(run.results[0].message_id).toBe(xFake.messages.at(-1)!.id);
    expect(xFake.messages.at(-1)!.text).toContain('修复');
  });

  it('X: each attempt is signed afresh, so a retry after a 503 is not refused as a replay', async () => {
    xFake.failNext(1);
    const run = await runAction({
      config: xConfig(),
      inputs: { 'version-label': '5.0.1', retries: '1' }
    });
    expect(errorMessages(run.stdout)).toBe('');
    expect(run.results[0].attempts).toBe(2);
    const [first, second] = xFake.requests.slice(-2).map(r => String(r.headers.authorization));
    expect(first).not.toBe(second);
  });

  it('X: a text over 280 weighted fails the check at the webhook; its Authorization is shown as ***', async () => {
    // Measured in UTF-16 units, 141 CJK characters weigh 282.
    const over = await runAction({
      config: xConfig('    payload: { text: "{{ version.changes | to_text: 141 }}" }\n'),
      inputs: { test: 'true', 'version-changes': '火'.repeat(141) }
    });
    expect(errorMessages(over.stdout)).toContain(
      'X would refuse this: text weighs 282 as X counts it'
    );
    const fits = await runAction({
      config: xConfig('    payload: { text: "{{ version.changes | to_text: 140 }}" }\n'),
      inputs: { test: 'true', 'version-changes': '火'.repeat(140) }
    });
    expect(errorMessages(fits.stdout)).toBe('');
    const request = fits.results[0].request as { headers: Record<string, string> };
    expect(request.headers.Authorization).toBe('***');
    expect(fits.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(
      X_CREDENTIALS.consumer_secret
    );
  });

  const linkedinConfig = (payload = '') =>
    `webhooks:\n  - name: LinkedIn\n    to: linkedin\n    url: "${linkedinFake.url}"\n    auth: { token: ${LINKEDIN_TOKEN}, author: "${LINKEDIN_AUTHOR}" }\n${payload}`;

  it('LinkedIn: the built-in commentary escapes what LinkedIn reserves, so nothing is cut; the URN is the message id', async () => {
    const changes = 'Fixed a crash (#12) in `save_game` for @team <3 [beta] ~50% faster';
    const run = await runAction({
      config: linkedinConfig(),
      inputs: {
        'version-label': '5.1.0',
        'app-display-name': 'Space Rocks',
        'version-changes': changes
      }
    });
    expect(errorMessages(run.stdout)).toBe('');
    const post = linkedinFake.messages.at(-1)!;
    expect(post.shown).toContain(
      'Fixed a crash (#12) in save_game for @team <3 [beta] ~50% faster'
    );
    expect(run.results[0].message_id).toBe(post.urn);
  });

  it('LinkedIn: a bare reserved character in a commentary of your own is refused; an expired version in its words', async () => {
    const bare = await runAction({
      config: linkedinConfig('    payload: { commentary: "Out now (finally)" }\n'),
      inputs: { test: 'true' }
    });
    expect(errorMessages(bare.stdout)).toContain(
      "LinkedIn would refuse this: `(` at 8 is a reserved character of LinkedIn's little text"
    );
    const old = await runAction({
      config: linkedinConfig('    payload: { version: "202301" }\n'),
      inputs: { 'version-label': '5.1.1' }
    });
    expect(old.results[0].error).toBe(
      '426 Upgrade Required (not retried): Requested version 20230101 is not active'
    );
  });
});
