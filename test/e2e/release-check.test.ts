// The pull-request check proves the release (SPEC §6): a dry run renders every webhook with every
// sample changelog the action ships, and what it passes, the strict destination fakes accept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SAMPLE_CHANGELOGS } from '../../src/context/sample-changelogs.js';
import { annotations, errorMessages, runAction } from '../support/action.js';
import { renderMarkdown } from '../support/github-markdown.js';
import { startDiscord, type DiscordMessage } from '../support/fakes/discord.js';
import type { Fake } from '../support/fakes/fake.js';

let discord: Fake<DiscordMessage>;
beforeAll(async () => {
  discord = await startDiscord();
});
afterAll(async () => {
  await discord.close();
});

const sameRepository = {
  name: 'pull_request',
  payload: {
    pull_request: {
      head: { repo: { full_name: 'octo-org/space-game' } },
      base: { repo: { full_name: 'octo-org/space-game' } }
    }
  }
};
const config = (content: string) => `webhooks:
  - name: Discord
    to: discord
    url: "${discord.url}/api/webhooks/1/token"
    payload: { content: "${content}" }
`;

describe('the pull-request check', () => {
  it('fails a payload Discord would refuse with a long changelog, naming the sample and the fix', async () => {
    const run = await runAction({
      config: config('{{ version.changes }}'),
      event: sameRepository,
      inputs: { test: 'true' }
    });
    expect(run.code).toBe(1);
    const plainText = SAMPLE_CHANGELOGS.find(sample => sample.name.endsWith('plain-text'));
    expect(errorMessages(run.stdout)).toContain(
      `with the ${plainText?.name} sample changelog: Discord would refuse this: content is`
    );
    expect(errorMessages(run.stdout)).toContain('{{ version.changes | to_discord: 1900 }}');
    expect(plainText!.changes.length).toBeGreaterThan(35 * 1024);
  });

  it('passes the fixed payload, and Discord accepts the release with every sample changelog', async () => {
    const fixed = config('{{ version.changes | to_discord: 1900 }}');
    const check = await runAction({
      config: fixed,
      event: sameRepository,
      inputs: { test: 'true' }
    });
    expect(errorMessages(check.stdout)).toBe('');
    expect(check.code).toBe(0);
    for (const sample of SAMPLE_CHANGELOGS) {
      const before = discord.messages.length;
      const release = await runAction({
        config: fixed,
        inputs: { 'version-label': '1.4.0', 'version-changes': sample.changes }
      });
      expect({ sample: sample.name, ok: release.results[0].ok }).toEqual({
        sample: sample.name,
        ok: true
      });
      expect(discord.messages.length).toBe(before + 1);
    }
  });

  it('checks a real changelog too, besides the samples', async () => {
    const run = await runAction({
      config: config('{{ version.changes | truncate: 2100 }}'),
      event: sameRepository,
      inputs: { test: 'true', 'version-changes': 'x'.repeat(2050) }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(/content is 2050 characters long/);
  });

  it('links what the release links: the page of the tag pushed, never /releases/latest', async () => {
    const builtIn = `webhooks:\n  - name: Discord\n    to: discord\n    url: "${discord.url}/api/webhooks/1/token"\n`;
    const onTag = await runAction({ config: builtIn, env: { GITHUB_REF_NAME: 'v1.4.0' } });
    expect(onTag.code).toBe(0);
    const embed = (discord.messages.at(-1)?.body.embeds as Array<{ url: string }>)[0];
    expect(embed.url).toBe('https://github.com/octo-org/space-game/releases/tag/v1.4.0');

    const preview = await runAction({
      config: builtIn,
      event: sameRepository,
      env: { GITHUB_REF_NAME: '7/merge', GITHUB_REF_TYPE: 'branch' },
      inputs: { test: 'true', 'version-label': 'v1.4.0' }
    });
    expect(preview.stdout).toContain(
      '"url": "https://github.com/octo-org/space-game/releases/tag/v1.4.0"'
    );

    const dispatched = await runAction({
      config: builtIn,
      env: { GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch' },
      inputs: { 'version-label': '1.4.0' }
    });
    expect(dispatched.code).toBe(0);
    const linked = JSON.stringify(discord.messages.at(-1)?.body);
    expect(linked).toContain('"url":"https://github.com/octo-org/space-game/releases"');
    expect(linked).not.toContain('/releases/latest');
  });

  it('refuses a pasted MessageCard under to: teams at its line, pointing at the migration', async () => {
    const run = await runAction({
      config: `webhooks:
  - name: Teams
    to: teams
    url: "https://example.webhook.office.com/workflows/1"
    payload:
      "@type": MessageCard
      "@context": https://schema.org/extensions
      themeColor: 0076D7
      summary: "{{ app.display_name }} {{ version.label }}"
      sections: [{ activityTitle: "{{ version.label }}" }]
`,
      event: sameRepository,
      inputs: { test: 'true' }
    });
    expect(run.code).toBe(1);
    const [error] = annotations(run.stdout);
    expect(error.properties).toContain('line=6');
    expect(error.message).toContain(
      '`@type`, `@context`, `sections`, `themeColor`, `summary` belong to an Office 365 connector card (MessageCard); a Teams Workflows webhook takes an Adaptive Card'
    );
    expect(error.message).toContain('Moving from an Office 365 connector');
  });

  it('shows each destination message as people will read it, above the raw request', async () => {
    const run = await runAction({
      config: `webhooks:
  - name: Discord
    to: discord
    url: "${discord.url}/api/webhooks/1/token"
    payload: { content: "Out now <img src=x onerror=alert(1)> </details> <b>bold</b>" }
  - name: Slack
    to: slack
    url: "https://hooks.slack.com/services/T/B/X"
  - name: Telegram
    to: telegram
    url: "https://api.telegram.org/botX/sendMessage"
    payload: { chat_id: "1" }
`,
      event: sameRepository,
      env: { GITHUB_REF_NAME: '7/merge', GITHUB_REF_TYPE: 'branch' },
      inputs: {
        test: 'true',
        'version-label': 'v1.4.0',
        'version-changes':
          '## Fixed\n\n- **Crash** on start in `main` <img src=x onerror=alert(1)>\n- A <b>bold</b> & </details><script>alert(1)</script> fix'
      }
    });
    expect(run.code).toBe(0);
    const html = renderMarkdown(run.summary);
    const quotes = [...html.matchAll(/<blockquote>([^]*?)<\/blockquote>\n(?!<\/blockquote>)/g)].map(
      m => m[1]
    );
    expect(quotes).toHaveLength(3);
    for (const quote of quotes) {
      expect(quote).toMatch(/<li><strong>Crash<\/strong> on start in <code>main<\/code>/);
      expect(quote).not.toMatch(/<img|<script|<\/details>/);
    }
    expect(quotes[0]).toContain(
      '<a href="https://github.com/octo-org/space-game/releases/tag/v1.4.0">space-game v1.4.0</a>'
    );
    expect(quotes[0]).toContain('Out now &lt;img src=x onerror=alert(1)&gt; &lt;/details&gt;');
    // Each message comes before its raw request.
    expect(html.indexOf('<strong>Discord</strong> will read')).toBeLessThan(
      html.indexOf('<summary>Discord</summary>')
    );
  });

  it('checks a pre-release label too', async () => {
    const run = await runAction({
      config: `webhooks:
  - name: Discord
    to: discord
    url: "${discord.url}/api/webhooks/1/token"
    payload: { username: "${'r'.repeat(74)} {{ version.label }}" }
`,
      event: sameRepository,
      env: { GITHUB_REF_NAME: '7/merge', GITHUB_REF_TYPE: 'branch' },
      inputs: { test: 'true' }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain(
      'with the pre-release label 2.0.0-beta.1: Discord would refuse this: username is 87 characters long; the limit is 80.'
    );
  });
});
