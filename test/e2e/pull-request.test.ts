// The pull-request check, as a new user meets it (SPEC §2, §3, §6, §7): the README's quick start
// on a pull request, failure reasons where people look, all errors in one pass.
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { annotations, errorMessages, runAction } from '../support/action.js';
import { runCli } from '../support/cli.js';
import { renderMarkdown, tableRows } from '../support/github-markdown.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map(r => r.close()));
});
async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}

/** What a runner sets on a pull request's job. */
const PULL_REQUEST = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_REF: 'refs/pull/7/merge',
  GITHUB_REF_NAME: '7/merge',
  GITHUB_REF_TYPE: 'branch'
};

/** A Discord-like endpoint: refuses a `content` over 2000 characters as Discord does. */
async function discordLike(): Promise<Receiver> {
  return receiver((request, response) => {
    const body = JSON.parse(request.text) as { content?: string };
    if ((body.content ?? '').length > 2000)
      return response.writeHead(400, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          message: 'Invalid Form Body',
          code: 50035,
          errors: {
            content: {
              _errors: [
                { code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }
              ]
            }
          }
        })
      );
    response.writeHead(204).end();
  });
}

/** The README's quick start, taken from the README itself. */
function quickStart(): { config: string; inputs: Record<string, string> } {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  const blocks = [...section.matchAll(/```yaml\n([^]*?)```/g)].map(m =>
    m[1].replace(/^ {3}/gm, '')
  );
  const config = blocks[0];
  const withBlock = /with:\n((?:\s{6,}.*\n)+)/.exec(blocks[1])?.[1] ?? '';
  const inputs = Object.fromEntries(
    withBlock
      .trim()
      .split('\n')
      .map(line => /^\s*([\w-]+):\s*(.*)$/.exec(line) as RegExpExecArray)
      .map(([, name, value]) => [name, value])
  );
  return { config, inputs };
}

describe('the quick start on a pull request', () => {
  it('passes, followed literally in a fresh repository with no build output and no secrets', async () => {
    const { config, inputs } = quickStart();
    expect(inputs.test).toBe("${{ github.event_name == 'pull_request' }}");
    // What the runner makes of the expressions on a pull request from a fork.
    const run = await runAction({
      config,
      inputs: { ...inputs, test: 'true', secrets: '{"github_token":"ghs_x"}' },
      env: PULL_REQUEST,
      event: { name: 'pull_request', payload: { number: 7 } }
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::notice::input version-content-files: .*test run uses a sample/);
    expect(run.stdout).toMatch(/::notice::input version-changes-file: .*test run uses a sample/);
    expect(run.stdout).not.toContain('7/merge');
    expect(run.summary).toContain('Would announce **space\\-game 1\\.0\\.0**');
  });
});

describe('a branch or pull request ref is never a version label', () => {
  it('test: send posts the sample label, not 7/merge', async () => {
    const store = await receiver();
    const run = await runAction({
      config: `webhooks:\n  - method: PUT\n    url: "${store.url}/versions/{{ version.label }}"\n    payload: { label: "{{ version.label }}" }\n`,
      inputs: { test: 'send' },
      env: PULL_REQUEST
    });
    expect(run.code).toBe(0);
    expect(store.requests.map(r => r.url)).toEqual(['/versions/1.0.0']);
  });

  it('a real delivery with no label is an error naming version-label, and sends nothing', async () => {
    const store = await receiver();
    const run = await runAction({
      config: `webhooks:\n  - name: Store\n    url: "${store.url}/"\n    payload: { text: "{{ app.name }} {{ version.label }}" }\n  - name: Ping\n    url: "${store.url}/ping"\n    payload: { text: "{{ app.name }}" }\n`,
      env: { GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch' }
    });
    expect(run.code).toBe(1);
    expect(store.requests).toHaveLength(0);
    expect(errorMessages(run.stdout)).toMatch(/input version-label \(Store\): no version label/);
    expect(errorMessages(run.stdout)).not.toContain('(Ping)');
  });

  it('on a tag, the tag is the label', async () => {
    const store = await receiver();
    const run = await runAction({
      config: `webhooks:\n  - url: "${store.url}/{{ version.label }}"\n`,
      env: { GITHUB_REF_NAME: 'v3.0.0', GITHUB_REF_TYPE: 'tag' }
    });
    expect(run.code).toBe(0);
    expect(store.requests[0].url).toBe('/v3.0.0');
  });
});

describe('why it failed, where people look', () => {
  it("a destination's refusal is in the annotation, the summary and results[].error", async () => {
    const discord = await discordLike();
    const run = await runAction({
      config: `webhooks:\n  - name: Discord\n    url: "${discord.url}/"\n    payload: { content: "{{ version.changes }}" }\n`,
      inputs: { 'version-label': '2.0.0', 'version-changes': 'x'.repeat(2500) }
    });
    expect(run.code).toBe(1);
    const reason = 'Invalid Form Body: content: Must be 2000 or fewer in length.';
    expect(run.results[0].error).toBe(`400 Bad Request (not retried): ${reason}`);
    expect(errorMessages(run.stdout)).toContain(reason);
    // As GitHub shows the summary: the row says what failed and why.
    const rows = tableRows(renderMarkdown(run.summary));
    expect(rows[1]).toEqual([
      'Discord',
      `POST ${discord.url}/`,
      `❌ 400 Bad Request (not retried): ${reason}`,
      '1',
      expect.stringMatching(/^\d+ ms$/)
    ]);
  });

  it('the summary says what was announced, marks tolerated failures ⚠️, and counts as `failed` does', async () => {
    const ok = await receiver();
    const refusing = await receiver((_request, response) => response.writeHead(403).end('no'));
    const run = await runAction({
      config: `webhooks:
  - name: Main
    url: "${refusing.url}/"
  - name: Optional
    url: "${refusing.url}/"
    continue-on-error: true
  - name: Fine
    url: "${ok.url}/"
`,
      inputs: { 'version-label': '2.0.0', 'app-display-name': 'Space Rocks' }
    });
    expect(run.code).toBe(1);
    expect(run.summary).toContain('Announced **Space Rocks 2\\.0\\.0**');
    expect(run.summary).toMatch(/\| Optional \| .* \| ⚠️ 403 Forbidden .*continue-on-error/);
    expect(run.summary).toMatch(/\| Main \| .* \| ❌ 403 Forbidden/);
    expect(run.outputs.failed).toBe('2');
    expect(run.stdout).toContain(
      '::error::2 of 3 webhook(s) failed (1 of them under continue-on-error): Main'
    );
  });

  it('a payload that fails to render still shows the URL that did', async () => {
    const run = await runAction({
      config:
        'webhooks:\n  - name: Store\n    url: https://store.example/hook\n    payload: { a: "{{ version.nope }}" }\n',
      inputs: { test: 'true' }
    });
    expect(run.code).toBe(1);
    expect(run.results[0].url).toBe('https://store.example/hook');
    expect(run.summary).toContain('`POST https://store.example/hook`');
  });

  it('an event nobody listens to is a sentence, not an empty table', async () => {
    const run = await runAction({
      config: 'webhooks:\n  - url: https://store.example/hook\n',
      inputs: { event: 'version_processed', 'version-label': '1' }
    });
    expect(run.code).toBe(0);
    expect(run.summary).toContain(
      'No webhook in \\.github\\/webhooks\\.yml listens to version\\_processed\\.'
    );
    expect(run.summary).not.toContain('| Webhook |');
  });
});

describe('all errors in one pass', () => {
  it('inputs, config and templates are reported together', async () => {
    const run = await runAction({
      config: `webhooks:
  - name: Files
    url: ftp://files.example/upload
  - name: Typo
    url: https://hooks.example/
    methd: PUT
  - name: Template
    url: https://hooks.example/
    payload: { text: "{{ versoin.label }}", short: "{{ app.name | truncat: 5 }}" }
`,
      inputs: { timeout: 'soon', 'version-content-files': 'build/*.zip' }
    });
    expect(run.code).toBe(1);
    const messages = errorMessages(run.stdout);
    expect(messages).toContain('input timeout: "soon" is not');
    expect(messages).toContain('input version-content-files: "build/*.zip" matches no file');
    expect(messages).toMatch(
      /webhooks\[0\]\.url \(Files\): must be an absolute http: or https: URL \(found ftp:\)/
    );
    expect(messages).toMatch(/unknown key `methd`; did you mean `method`\?/);
    expect(messages).toMatch(/unknown variable `versoin\.label`; did you mean `version\.label`\?/);
    expect(messages).toMatch(/unknown filter `truncat`; did you mean `truncate`\?/);
    // Inputs first, then the file's problems in the order of the file.
    expect(messages.indexOf('input version-content-files')).toBeLessThan(messages.indexOf('ftp:'));
    expect(run.stdout).toMatch(/::error::\d+ problems found; nothing was sent\./);
  });

  it('suggests filters as it suggests keys', async () => {
    const run = await runAction({
      config:
        'webhooks:\n  - url: https://hooks.example/\n    payload: { t: "{{ app.name | truncat: 5 }}" }\n',
      inputs: { test: 'true' }
    });
    expect(errorMessages(run.stdout)).toMatch(
      /unknown filter `truncat`; did you mean `truncate`\?/
    );
  });

  it('names a secret the secrets input lacks, with the names it has', async () => {
    const run = await runAction({
      config: 'webhooks:\n  - url: "{{ secrets.DISCORD_WEBHOK_URL }}"\n',
      inputs: {
        secrets: JSON.stringify({ DISCORD_WEBHOOK_URL: 'https://discord.example/x' }),
        'version-label': '1'
      }
    });
    expect(errorMessages(run.stdout)).toMatch(
      /no secret `DISCORD_WEBHOK_URL` in the `secrets` input; did you mean `DISCORD_WEBHOOK_URL`\?/
    );
  });
});

describe('the CLI speaks of its own options', () => {
  it('--only and the version label are named as the CLI takes them', async () => {
    const files = { 'h.yml': 'webhooks:\n  - name: A\n    url: https://hooks.example/\n' };
    const only = await runCli(['--config', 'h.yml', '--only', 'B'], files);
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/^--only: no webhook named "B"/m);
    const label = await runCli(['--config', 'h.yml', '--send'], files);
    expect(label.code).toBe(2);
    expect(label.stderr).toMatch(/^--set version\.label \(A\): no version label/m);
    expect(annotations(label.stdout)).toEqual([]);
  });
});
