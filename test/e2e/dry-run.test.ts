import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { annotations, errorMessages, runAction } from '../support/action.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const SECRETS = {
  API_TOKEN: 'tok_5f2a9c81e7b34d06',
  SIGNING_KEY: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  ODD: 'p@ss word/+&"\\quoted'
};

describe('test mode', () => {
  it('no request leaves in a dry run; each request is shown as it would be sent', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:
  - name: Store
    method: PUT
    url: "${receiver.url}/apps/{{ app.name }}"
    headers:
      X-Label: "{{ version.label }}"
    secret: "{{ secrets.SIGNING_KEY }}"
    payload: { label: "{{ version.label }}", changes: "{{ version.changes }}" }
`,
      inputs: { test: 'true', 'version-label': '2.3.0', secrets: JSON.stringify(SECRETS) }
    });
    expect(run.code).toBe(0);
    expect(receiver.requests).toHaveLength(0);
    expect(run.stdout).toContain('::group::Store: PUT');
    expect(run.stdout).toContain(`PUT ${receiver.url}/apps/space-game`);
    expect(run.stdout).toContain('X-Label: 2.3.0');
    // A public job summary must not hand out a validly signed request.
    expect(run.stdout).toContain('webhook-signature: v1,***\n');
    expect(run.summary).toContain('webhook-signature: v1,***\n');
    expect((run.results[0].request as { headers: object }).headers).toMatchObject({
      'webhook-signature': 'v1,***'
    });
    const [result] = run.results;
    expect(result).toMatchObject({
      name: 'Store',
      ok: true,
      status: null,
      attempts: 0,
      skipped: null
    });
    const request = result.request as {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(request.method).toBe('PUT');
    expect(request.url).toBe(`${receiver.url}/apps/space-game`);
    expect(request.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      label: '2.3.0',
      changes: expect.stringContaining('Sample change')
    });
    expect(run.outputs).toMatchObject({ sent: '0', failed: '0', skipped: '0' });
    expect(run.summary).toContain('test run (nothing sent)');
    expect(run.summary).toContain('<details><summary>Store</summary>');
    expect(run.summary).toContain(`PUT ${receiver.url}/apps/space-game`);
  });

  const SECRET_READING = `webhooks:
  - name: Discord
    url: "{{ secrets.DISCORD_WEBHOOK_URL }}"
    headers: { Authorization: "Bearer {{ secrets.API_TOKEN }}", X-Note: "by {{ secrets.NOTE }}", X-Mixed: "{{ secrets.NOTE }}-{{ secrets.PRESENT | slice: 1, 3 }}" }
    payload: { content: "{{ version.label }}" }
`;
  const pullRequest = (head: string) => ({
    name: 'pull_request',
    payload: {
      pull_request: {
        head: { repo: { full_name: head } },
        base: { repo: { full_name: 'octo-org/space-game' } }
      }
    }
  });
  const secrets = JSON.stringify({
    PRESENT: 'pr3sent-value',
    DISCORD_WEBHOOK: 'https://x.example/h'
  });

  it('on a fork pull request, secrets the run lacks render as ***NAME***, and one notice names them all', async () => {
    const run = await runAction({
      config: SECRET_READING,
      event: pullRequest('someone/space-game'),
      inputs: { test: 'true', secrets }
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('POST ***DISCORD_WEBHOOK_URL***\n');
    expect(run.stdout).toContain('X-Note: by ***NOTE***\n');
    // A value that reads a real secret is *** whole, whatever a filter made of it.
    expect(run.stdout).toContain('X-Mixed: ***\n');
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('3se');
    expect(run.results[0].url).toBe('***DISCORD_WEBHOOK_URL***');
    const notices = run.stdout.split('\n').filter(line => line.startsWith('::notice'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('a pull request from a fork');
    expect(notices[0]).toContain('The release will need: API_TOKEN, DISCORD_WEBHOOK_URL, NOTE.');
  });

  it('on a pull request of the same repository, a misspelt secret fails the check with a suggestion', async () => {
    const run = await runAction({
      config: SECRET_READING,
      event: pullRequest('octo-org/space-game'),
      inputs: { test: 'true', secrets }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain(
      'no secret `DISCORD_WEBHOOK_URL` in the `secrets` input; did you mean `DISCORD_WEBHOOK`?'
    );
  });

  it('a secrets input holding only github_token, or a Dependabot run, renders placeholders', async () => {
    const onlyToken = await runAction({
      config: SECRET_READING,
      inputs: { test: 'true', secrets: JSON.stringify({ github_token: 'ghs_abcdefgh' }) }
    });
    expect(onlyToken.code).toBe(0);
    expect(onlyToken.stdout).toMatch(
      /::notice.*holds only github_token.*The release will need: API_TOKEN, DISCORD_WEBHOOK_URL, NOTE, PRESENT\./
    );
    const dependabot = await runAction({
      config: SECRET_READING,
      env: { GITHUB_ACTOR: 'dependabot[bot]' },
      inputs: { test: 'true', secrets }
    });
    expect(dependabot.code).toBe(0);
    expect(dependabot.stdout).toMatch(/::notice.*Dependabot/);
  });

  it('no secrets input at all is a warning naming the input', async () => {
    const run = await runAction({ config: SECRET_READING, inputs: { test: 'true' } });
    expect(run.code).toBe(0);
    const warnings = run.stdout.split('\n').filter(line => line.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the `secrets` input is not given');
    expect(warnings[0]).toContain('secrets: ${{ toJSON(secrets) }}');
  });

  it('a missing secret is still an error outside test mode', async () => {
    const run = await runAction({
      config: 'webhooks:\n  - url: "{{ secrets.DISCORD_WEBHOOK_URL }}"\n'
    });
    expect(run.code).toBe(1);
    expect(annotations(run.stdout)[0].message).toMatch(
      /webhooks\[0\]\.url.*`secrets\.DISCORD_WEBHOOK_URL` is unknown: the `secrets` input was not given; add `secrets: \$\{\{ toJSON\(secrets\) \}\}`/
    );
  });

  it('the bundled example passes a dry run with no inputs and no secrets', async () => {
    const run = await runAction({
      files: { '.github/webhooks.yml': readFileSync('webhooks.example.yml', 'utf8') },
      inputs: { test: 'true' }
    });
    expect(annotations(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.results.length).toBeGreaterThanOrEqual(4);
    expect(run.results.every(r => r.ok)).toBe(true);
  });

  it('test: send delivers with sample values where real ones are missing and test true', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:
  - url: "${receiver.url}/"
    payload: { test: "{{ test }}", label: "{{ version.label }}", size: "{{ version.humanized_content_size }}", id: "{{ version.id }}" }
`,
      inputs: { test: 'send', 'version-label': '9.9.9' },
      env: { GITHUB_REF_NAME: '' }
    });
    expect(run.code).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0].text)).toEqual({
      test: 'true',
      label: '9.9.9',
      size: '150 MB',
      id: '1'
    });
  });
});

describe('secrets never leave in clear', () => {
  it('not in the log, the summary or the outputs, in any encoded form', async () => {
    receiver = await startReceiver((_req, res) =>
      res.writeHead(500).end(`echo ${SECRETS.API_TOKEN}`)
    );
    const config = `webhooks:
  - name: "API"
    url: "${receiver.url}/hook?token={{ secrets.API_TOKEN | url_encode }}&odd={{ secrets.ODD | url_encode }}"
    headers:
      Authorization: "Bearer {{ secrets.API_TOKEN }}"
      X-Api-Key: "plain-key-in-yaml"
      X-Echo: "{{ secrets.API_TOKEN }}"
    secret: "literal signing secret 123"
    retries: 0
    payload:
      json: "{{ secrets.ODD }}"
      again: "{{ secrets.API_TOKEN }}"
`;
    for (const test of ['false', 'true']) {
      const run = await runAction({ config, inputs: { test, secrets: JSON.stringify(SECRETS) } });
      const everything = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)].join(
        '\n'
      );
      const printed = everything
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n');
      const forms = [
        SECRETS.API_TOKEN,
        SECRETS.ODD,
        encodeURIComponent(SECRETS.ODD),
        JSON.stringify(SECRETS.ODD).slice(1, -1),
        'plain-key-in-yaml',
        'literal signing secret 123',
        SECRETS.SIGNING_KEY
      ];
      for (const form of forms) expect(printed).not.toContain(form);
      expect(run.stdout).toContain(`::add-mask::${SECRETS.API_TOKEN}`);
      expect(run.stdout).toContain('::add-mask::literal signing secret 123');
      expect(printed).toContain('***');
    }
    expect(receiver.requests[0].headers.authorization).toBe(`Bearer ${SECRETS.API_TOKEN}`);
  });
});
