// The pull-request check proves the release (SPEC §6): a dry run renders every webhook with every
// sample changelog the action ships, and what it passes, the strict destination fakes accept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SAMPLE_CHANGELOGS } from '../../src/context/sample-changelogs.js';
import { errorMessages, runAction } from '../support/action.js';
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
});
