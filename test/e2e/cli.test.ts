import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { runCli } from '../support/cli.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { BLUESKY_IDENTIFIER, BLUESKY_PASSWORD, startBluesky } from '../support/fakes/bluesky.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const EXAMPLE = readFileSync('webhooks.example.yml', 'utf8');

describe('the release-webhooks CLI', () => {
  it('--help prints the usage; --version the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: release-webhooks/);
    expect(help.stdout).toMatch(/--secrets-file FILE/);
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('--test previews the example with the values given and sends nothing', async () => {
    const run = await runCli(
      [
        '--config',
        'webhooks.example.yml',
        '--test',
        '--set',
        'version.label=4.5.6',
        '--set',
        'app.display_name=Space Game'
      ],
      { 'webhooks.example.yml': EXAMPLE }
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('── Discord: POST ***DISCORD_WEBHOOK_URL***\n');
    expect(run.stdout).toContain('"title": "Space Game 4.5.6"');
    expect(run.stdout).toContain('"allowed_mentions"');
    expect(run.stdout).toMatch(/webhook\(s\) checked, nothing sent/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('--send delivers with the secrets of a dotenv file, masked in the output; --json prints results', async () => {
    receiver = await startReceiver();
    const run = await runCli(
      [
        '--config',
        'hooks.yml',
        '--send',
        '--secrets-file',
        '.env',
        '--set',
        'version.content_size=2048',
        '--json'
      ],
      {
        'hooks.yml': `webhooks:\n  - name: API\n    url: "{{ secrets.URL }}"\n    headers: { X-Token: "{{ secrets.TOKEN }}" }\n    payload: { size: "{{ version.humanized_content_size }}", t: "{{ secrets.TOKEN }}" }\n`,
        '.env': `# local secrets\nURL=${receiver.url}/hook\nexport TOKEN="tok en-123"\n`
      }
    );
    expect(run.code).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0].text)).toEqual({ size: '2 KB', t: 'tok en-123' });
    const results = JSON.parse(run.stdout);
    expect(results[0]).toMatchObject({ name: 'API', ok: true, status: 204, url: '***' });
    expect(run.stdout + run.stderr).not.toContain('tok en-123');
    expect(run.stderr).toMatch(/✓ API: POST \*\*\* → 204/);
  });

  it('previews a destination of several requests step by step, then sends it with a dotenv secret', async () => {
    const bluesky = await startBluesky();
    try {
      const files = {
        'hooks.yml': `webhooks:\n  - name: Bluesky\n    to: bluesky\n    url: "${bluesky.url}"\n    auth: { identifier: ${BLUESKY_IDENTIFIER}, password: "{{ secrets.BLUESKY_APP_PASSWORD }}" }\n`,
        '.env': `BLUESKY_APP_PASSWORD=${BLUESKY_PASSWORD}\n`
      };
      const preview = await runCli(
        ['--config', 'hooks.yml', '--test', '--set', 'version.label=1.0.0'],
        files
      );
      expect(preview.code).toBe(0);
      expect(preview.stdout).toContain(
        `── Bluesky — 1/2 createSession: POST ${bluesky.url}/xrpc/com.atproto.server.createSession`
      );
      expect(preview.stdout).toContain('"repo": "‹did from createSession›"');
      const sent = await runCli(
        [
          '--config',
          'hooks.yml',
          '--send',
          '--secrets-file',
          '.env',
          '--set',
          'version.label=1.0.0'
        ],
        files
      );
      expect(sent.code).toBe(0);
      expect(bluesky.messages).toHaveLength(1);
      expect(sent.stdout + sent.stderr).not.toContain(BLUESKY_PASSWORD);
      expect(sent.stdout + sent.stderr).not.toContain('access.bluesky');
    } finally {
      await bluesky.close();
    }
  });

  it('exit code 1 when a delivery fails, 2 for a config or template error, 2 for bad usage', async () => {
    receiver = await startReceiver((_req, res) => res.writeHead(410).end());
    const failed = await runCli(['--send', '--config', 'h.yml', '--set', 'version.label=1.0.0'], {
      'h.yml': `webhooks:\n  - url: "${receiver.url}/"\n`
    });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('410 Gone (not retried)');

    const broken = await runCli(['--config', 'h.yml'], {
      'h.yml': 'webhooks:\n  - url: "{{ versio.label }}"\n'
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /h\.yml:2:14: webhooks\[0\]\.url \(webhook 1\): unknown variable `versio\.label`; did you mean `version\.label`\?/
    );

    const missing = await runCli(['--config', 'nope.yml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--config: nope\.yml does not exist; .* point --config at it/);

    for (const args of [
      ['--frobnicate'],
      ['--test', '--send'],
      ['--set', 'novalue'],
      ['--event', 'nope']
    ]) {
      const usage = await runCli(args);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/Usage:/);
    }

    const badSet = await runCli(['--set', 'version.nope=1'], {
      '.github/webhooks.yml': 'webhooks:\n  - url: https://x.example\n'
    });
    expect(badSet.code).toBe(2);
    expect(badSet.stderr).toMatch(/"version.nope" is not a variable that can be set/);
  });

  it("--send --sample fills the gaps like the Panel's Test button; --only picks webhooks", async () => {
    receiver = await startReceiver();
    const run = await runCli(['--send', '--sample', '--only', 'B'], {
      '.github/webhooks.yml': `webhooks:\n  - name: A\n    url: "${receiver.url}/a"\n  - name: B\n    url: "${receiver.url}/b"\n    payload: { test: "{{ test }}", label: "{{ version.label }}" }\n`
    });
    expect(run.code).toBe(0);
    expect(receiver.requests.map(r => r.url)).toEqual(['/b']);
    expect(JSON.parse(receiver.requests[0].text)).toEqual({ test: 'true', label: '1.0.0' });
  });
});
