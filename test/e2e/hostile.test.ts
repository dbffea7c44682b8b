// Hostile configs, inputs and receivers, through the built action and CLI (SPEC §8, §13): the
// step ends, says why, loses nothing and leaks no secret, whatever they do.
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorMessages, runAction, type ActionRun } from '../support/action.js';
import { CLI, runCli } from '../support/cli.js';
import { answerOnce, startRawServer } from '../support/raw-server.js';
import { renderMarkdown, tableRows } from '../support/github-markdown.js';
import { startReceiver } from '../support/receiver.js';
import { writeFiles } from '../support/node-process.js';

const closers: Array<{ close(): Promise<void> }> = [];
async function serve<T extends { close(): Promise<void> }>(server: Promise<T>): Promise<T> {
  const started = await server;
  closers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(closers.splice(0).map(server => server.close()));
});

/**
 * Everything a run prints or writes where people or other steps can read it; the runner's
 * `::add-mask::` commands, which it never shows, left out.
 */
function everything(run: ActionRun): string {
  const log = run.stdout.replace(/^::add-mask::.*$/gm, '');
  return [log, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');
}

describe('answers that are not final', () => {
  it.each([
    [
      '101 Switching Protocols',
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n'
    ],
    ['102 Processing and no final answer', 'HTTP/1.1 102 Processing\r\n\r\n']
  ])('%s fails that webhook; the others are delivered and reported', async (_name, head) => {
    const odd = await serve(startRawServer(answerOnce(head)));
    const good = await serve(startReceiver());
    const run = await runAction({
      config: `webhooks:
  - name: Odd
    url: "${odd.url}/hook"
    timeout: 5
    retries: 0
  - name: Good A
    url: "${good.url}/a"
  - name: Good B
    url: "${good.url}/b"
`,
      inputs: { 'version-label': '1.0.0' }
    });
    expect(run.code).toBe(1);
    expect(good.requests.map(r => r.url).sort()).toEqual(['/a', '/b']);
    expect(run.results.map(r => [r.name, r.ok])).toEqual([
      ['Odd', false],
      ['Good A', true],
      ['Good B', true]
    ]);
    expect(run.results[0].error).toMatch(/^10[12] .*no final status/);
    expect(run.outputs).toMatchObject({ sent: '2', failed: '1' });
    expect(run.summary).toContain('Odd');
    expect(errorMessages(run.stdout)).toContain('Odd: 10');
  });

  it('the CLI reports a 101 as a failure with exit code 1', async () => {
    const odd = await serve(
      startRawServer(answerOnce('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n'))
    );
    const run = await runCli(['--config', 'hooks.yml', '--send', '--set', 'version.label=1.0.0'], {
      'hooks.yml': `webhooks:\n  - name: Odd\n    url: "${odd.url}/"\n    retries: 0\n`
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ Odd: 101 Switching Protocols/);
  });
});

describe('the CLI with its output closed', () => {
  it('keeps delivering when stdout closes (| head -1); the exit code tells the outcome', async () => {
    const receiver = await serve(startReceiver());
    const cwd = mkdtempSync(path.join(tmpdir(), 'release-webhooks-pipe-'));
    const hooks = Array.from(
      { length: 20 },
      (_, i) => `  - name: hook ${i}\n    url: "${receiver.url}/${i}"\n`
    ).join('');
    writeFiles(cwd, { 'hooks.yml': `webhooks:\n${hooks}` });
    const child = spawn(
      process.execPath,
      [
        CLI,
        '--config',
        'hooks.yml',
        '--send',
        '--set',
        'version.label=1.0.0',
        '--concurrency',
        '1'
      ],
      { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    // What `head -1` does: read the first line, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    expect(receiver.requests).toHaveLength(20);
    expect(code).toBe(0);
  });

  it('a reader slower than the log still gets every line: the process ends only once it is written', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'release-webhooks-pipe-'));
    // 30 previews of 20 KB each: far more than a pipe holds while nobody reads it.
    const hooks = Array.from(
      { length: 30 },
      (_, i) =>
        `  - name: hook ${i}\n    url: https://hooks.example/${i}\n    payload: { text: "${'x'.repeat(20_000)}" }\n`
    ).join('');
    writeFiles(cwd, { 'hooks.yml': `webhooks:\n${hooks}` });
    const child = spawn(
      process.execPath,
      [CLI, '--config', 'hooks.yml', '--test', '--set', 'version.label=1.0.0'],
      { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    child.stdout.pause();
    await new Promise(resolve => setTimeout(resolve, 300));
    let stdout = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stdout.resume();
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(30 * 20_000);
    expect(stdout.match(/── hook \d+: POST/g)).toHaveLength(30);
    expect(stdout).toMatch(/30 webhook\(s\) checked, nothing sent\.\n$/);
  });
});

describe('bounded work', () => {
  it('YAML aliases that multiply are an error at the file line, not gigabytes', async () => {
    const levels = 'abcdefghi'.split('');
    const bomb = [
      'webhooks:',
      '  - url: https://hooks.example/',
      '    payload:',
      `      a: &a [${Array(10).fill('"lol"').join(',')}]`,
      ...levels
        .slice(1)
        .map((name, i) => `      ${name}: &${name} [${Array(10).fill(`*${levels[i]}`).join(',')}]`)
    ].join('\n');
    expect(bomb.length).toBeLessThan(1000);
    const run = await runAction({ config: bomb });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(/YAML aliases expand this file beyond 1 MiB/);
    expect(run.stdout).toMatch(/::error .*file=\.github\/webhooks\.yml,line=\d+/);
  });

  it('JSON text nested beyond any payload is an error at its place, not a crash', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const run = await runAction({
      config: `webhooks:\n  - url: https://hooks.example/\n    payload: '${deep}'\n`
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(
      /nested deeper than 256 levels at line 1, column 257/
    );
    expect(run.stdout).toMatch(/::error .*file=\.github\/webhooks\.yml,line=3/);
    expect(run.stdout).not.toMatch(/stopped unexpectedly/);
  });

  it('chained filters draw on one budget for the whole run', async () => {
    const chain = Array(12).fill('json').join(' | ');
    const run = await runAction({
      config: `webhooks:\n  - url: https://hooks.example/\n    payload: { text: "{{ version.changes | ${chain} }}" }\n`,
      inputs: { test: 'true', 'version-changes': '"\\'.repeat(50_000) }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(/more than 128 MiB of text together/);
    expect(run.stdout).toMatch(/::error .*file=\.github\/webhooks\.yml,line=3/);
  });

  it('many slow templates share one time budget', async () => {
    const slow = '{% for i in (1..20000000) %}{% endfor %}x';
    const leaves = Array.from({ length: 20 }, (_, i) => `      k${i}: "${slow}"`).join('\n');
    const run = await runAction({
      config: `webhooks:\n  - url: https://hooks.example/\n    payload:\n${leaves}\n`,
      inputs: { test: 'true' }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(/take longer than 5 s to render together/);
  });

  it('a proxy that accepts and never answers is bounded by the timeout', async () => {
    const silent = await serve(startRawServer(() => undefined));
    const run = await runAction({
      config:
        'webhooks:\n  - url: "http://hooks.release.test/notify"\n    timeout: 1\n    retries: 0\n',
      inputs: { 'version-label': '1.0.0' },
      env: { http_proxy: silent.url }
    });
    expect(silent.connections()).toBe(1);
    expect(run.code).toBe(1);
    expect(run.results[0]).toMatchObject({ ok: false, error: 'timed out after 1 s' });
  });

  it('a PatchKit API that trickles its answer is bounded by the timeout input', async () => {
    const trickle = await serve(
      startRawServer(socket => {
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{');
          const timer = setInterval(() => socket.write(' '), 200);
          socket.on('close', () => clearInterval(timer));
        });
      })
    );
    const run = await runAction({
      config: 'webhooks:\n  - url: https://hooks.example/\n',
      inputs: {
        test: 'true',
        timeout: '1',
        'patchkit-app-secret': 'app-secret-0123456789',
        'patchkit-api-url': trickle.url
      }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(
      /input patchkit-api-url: PatchKit is unreachable \(timed out after 1 s\)/
    );
    expect(everything(run)).not.toContain('app-secret-0123456789');
  });

  it.each([
    ['silent', (): void => undefined],
    [
      'trickling',
      (socket: import('node:net').Socket) =>
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{');
          const timer = setInterval(() => socket.write(' '), 200);
          socket.on('close', () => clearInterval(timer));
        })
    ]
  ])('a release lookup against a %s API is bounded and names the input', async (_name, api) => {
    const github = await serve(startRawServer(api));
    const run = await runAction({
      config: 'webhooks:\n  - url: https://hooks.example/\n',
      inputs: { release: 'v1.0.0', 'github-token': 'ghs_token', timeout: '1', test: 'true' },
      env: { GITHUB_API_URL: github.url }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(/input release: could not read release "v1\.0\.0"/);
    expect(run.stdout).not.toContain('stopped unexpectedly');
  });
});

describe('errors from lazily loaded code', () => {
  it('a release lookup error is an input error, not "stopped unexpectedly"', async () => {
    const github = await serve(
      startReceiver((_request, response) =>
        response
          .writeHead(404, { 'Content-Type': 'application/json' })
          .end('{"message":"Not Found"}')
      )
    );
    const run = await runAction({
      config: 'webhooks:\n  - url: https://hooks.example/\n',
      inputs: { release: 'v9.9.9', 'github-token': 'ghs_token' },
      env: { GITHUB_API_URL: github.url }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain('input release: no release "v9.9.9"');
    expect(run.stdout).not.toContain('stopped unexpectedly');
  });
});

describe('secrets never leave in clear (SPEC §8)', () => {
  const TOKEN = 'Zq9Xw7Vv5Tt3Rr1P';
  const derived = (secret: string) => [
    secret,
    secret.toUpperCase(),
    secret.slice(0, 8),
    Buffer.from(secret).toString('base64'),
    Buffer.from(`user:${secret}`).toString('base64'),
    encodeURIComponent(secret),
    secret.split('').join('-')
  ];

  it('filters cannot turn a secret into a form masking misses', async () => {
    const receiver = await serve(startReceiver());
    const config = `webhooks:
  - name: Filters
    url: "${receiver.url}/{{ secrets.TOKEN | slice: 0, 8 }}"
    headers:
      Authorization: "Basic {{ 'user:' | append: secrets.TOKEN | base64_encode }}"
      X-Upper: "{{ secrets.TOKEN | upcase }}"
      X-Spaced: "{{ secrets.TOKEN | split: '' | join: '-' }}"
    payload:
      escaped: "{{ secrets.TOKEN | escape }}"
      uri: "{{ secrets.TOKEN | uri_escape }}"
      b64: "{{ secrets.TOKEN | base64_encode }}"
      assigned: "{% assign t = secrets.TOKEN | upcase %}{{ t }}"
`;
    const secrets = JSON.stringify({ TOKEN });
    for (const test of ['true', 'false']) {
      const run = await runAction({ config, inputs: { test, secrets, 'version-label': '1.0' } });
      expect(run.code).toBe(0);
      for (const form of derived(TOKEN)) expect(everything(run)).not.toContain(form);
    }
    // The receiver did get the real values.
    expect(receiver.requests[0].headers['x-upper']).toBe(TOKEN.toUpperCase());
  });

  it.each([
    ['userinfo', 'http://user:a$b@c@HOOKS.example:80/x', ['a$b', 'a$b%40c', 'a%24b']],
    [
      'an upper-case host and default port',
      'HTTP://Tok3nHost.example:80/x',
      ['tok3nhost', 'Tok3nHost']
    ],
    ['dot segments', 'https://hooks.example/Sec/../r3tPath/x', ['r3tPath', 'Sec/']],
    ['an IDN host', 'https://bücher-sëcret.example/x', ['xn--bcher', 'bücher']],
    ['braces in a path', 'https://hooks.example/{S3cr3tBr4ce}/x', ['S3cr3tBr4ce', '%7BS3cr3t']]
  ])(
    'a URL kept in a secret is shown as *** whatever URL normalisation makes of it: %s',
    async (_name, url, forms) => {
      const run = await runAction({
        config: 'webhooks:\n  - name: Hook\n    url: "{{ secrets.HOOK_URL }}"\n',
        inputs: { test: 'true', secrets: JSON.stringify({ HOOK_URL: url }) }
      });
      expect(run.code).toBe(0);
      expect(run.results[0].url).toBe('***');
      for (const form of forms) expect(everything(run)).not.toContain(form);
    }
  );

  /** A new secret for each test, so that no test passes on a value another one printed. */
  const randomToken = () => `ghp_R3${randomBytes(12).toString('hex')}`;
  /** Every piece of `secret` six characters long or more. */
  const pieces = (secret: string) =>
    Array.from({ length: secret.length - 5 }, (_, i) => secret.slice(i, i + 6));

  it.each([
    ['a quoted }} in an output', `{{ "}}" | append: secrets.TOKEN | base64_encode }}`],
    ['a quoted }} before remove_first', `{{ "}}" | append: secrets.TOKEN | remove_first: "}}" }}`],
    [
      'a secret read through a computed name',
      `{% assign n = "TOK" | append: "EN" %}{{ secrets[n] | split: "" | reverse | join: "" }}`
    ],
    [
      'a capture',
      `{% capture c %}{{ secrets.TOKEN | slice: 2, 9 }}{% endcapture %}{{ c | upcase }}`
    ]
  ])(
    'the engine tells which values read a secret, whatever the quoting: %s',
    async (_what, template) => {
      const token = randomToken();
      const run = await runAction({
        config: `webhooks:\n  - url: "https://hooks.example/x"\n    payload: { v: '${template}' }\n`,
        inputs: { test: 'true', secrets: JSON.stringify({ TOKEN: token }) }
      });
      expect(run.code).toBe(0);
      const request = run.results[0].request as { body: string };
      expect(JSON.parse(request.body)).toEqual({ v: '***' });
      const printed = everything(run);
      for (const form of [
        ...pieces(token),
        ...pieces(token.split('').reverse().join('')),
        Buffer.from(`}}${token}`).toString('base64').slice(4, 20)
      ])
        expect(printed).not.toContain(form);
    }
  );

  it('a %} inside quotes ends the tag, as Liquid reads it, and the secret is not read', async () => {
    const token = randomToken();
    const run = await runAction({
      config: `webhooks:\n  - url: "https://hooks.example/x"\n    payload: { v: '{% assign x = "%}" | append: secrets.TOKEN %}{{ x }}' }\n`,
      inputs: { test: 'true', secrets: JSON.stringify({ TOKEN: token }) }
    });
    for (const piece of pieces(token)) expect(everything(run)).not.toContain(piece);
  });

  it('an error after reading a secret does not quote what the secret made', async () => {
    const token = randomToken();
    const run = await runAction({
      config: `webhooks:\n  - url: "https://hooks.example/x"\n    payload: { v: '{% assign p = secrets.TOKEN | slice: 1, 99 %}{{ version.label | split: "" | where_exp: "c", p }}' }\n`,
      inputs: { secrets: JSON.stringify({ TOKEN: token }), 'version-label': '1.0.0' }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain('the template failed after reading a secret');
    for (const piece of pieces(token)) expect(everything(run)).not.toContain(piece);
  });

  it('a redirect to https with the secret path, and a long reason with a token at its cut, stay masked', async () => {
    const path = randomToken();
    const key = randomToken();
    const receiver = await serve(
      startReceiver((request, response) => {
        if (request.url.startsWith('/moved'))
          response.writeHead(301, { Location: `https://127.0.0.1:1/moved/${path}/x` }).end();
        else response.writeHead(400).end(`${'reason '.repeat(41)}${key} and more`);
      })
    );
    const run = await runAction({
      config: `webhooks:
  - name: Moved
    url: "{{ secrets.MOVED_URL }}"
  - name: Refused
    url: "${receiver.url}/refused"
`,
      inputs: {
        'version-label': '1.0.0',
        'fail-on-error': 'false',
        secrets: JSON.stringify({ MOVED_URL: `${receiver.url}/moved/${path}/x`, API_KEY: key })
      }
    });
    expect(run.results.map(r => r.ok)).toEqual([false, false]);
    expect(run.results[0].error).toMatch(
      /^301 Moved Permanently: redirected to https:\/\/127\.0\.0\.1:1\*\*\*/
    );
    expect(run.results[1].error).toMatch(/^400 Bad Request \(not retried\): reason reason/);
    for (const piece of [...pieces(path), ...pieces(key)])
      expect(everything(run)).not.toContain(piece);
  });

  it('secrets equal to the names of result fields leave the fields whole', async () => {
    const receiver = await serve(startReceiver());
    const run = await runAction({
      config: `webhooks:\n  - name: Hook\n    url: "${receiver.url}/"\n`,
      inputs: {
        'version-label': '1.0.0',
        secrets: JSON.stringify({ A: 'error', B: 'status', C: 'skipped', D: 'attempts' })
      }
    });
    expect(run.code).toBe(0);
    expect(Object.keys(run.results[0])).toEqual(
      expect.arrayContaining(['name', 'status', 'ok', 'skipped', 'attempts', 'error'])
    );
    expect(run.results[0].status).toBe(204);
    expect(run.results[0].error).toBeNull();
  });

  it('a dry run does not evaluate a condition on a secret: no yes/no oracle', async () => {
    const config = `webhooks:\n  - name: Oracle\n    url: "https://hooks.example/x"\n    when: '{{ secrets.TOKEN contains "ghp_R3" }}'\n`;
    const outcomes = [];
    for (const token of [randomToken(), 'something-else-entirely']) {
      const run = await runAction({
        config,
        inputs: { test: 'true', secrets: JSON.stringify({ TOKEN: token }) }
      });
      expect(run.code).toBe(0);
      outcomes.push(run.results[0].skipped);
    }
    expect(outcomes).toEqual([
      'when: depends on a secret, not evaluated in a test run',
      'when: depends on a secret, not evaluated in a test run'
    ]);
  });

  it('shows the literal scheme and host of a URL that reads a secret', async () => {
    const run = await runAction({
      config:
        'webhooks:\n  - url: "https://api.telegram.org/bot{{ secrets.TG_TOKEN }}/sendMessage"\n',
      inputs: { test: 'true', secrets: JSON.stringify({ TG_TOKEN: '123456:ABCdef' }) }
    });
    expect(run.results[0].url).toBe('https://api.telegram.org/***');
  });

  it('the summary masks before it escapes: a secret with | or ` stays masked', async () => {
    const receiver = await serve(
      startReceiver((_request, response) => response.writeHead(400).end('bad tok|en99`x'))
    );
    const run = await runAction({
      config: `webhooks:\n  - name: "tok|en99\`x"\n    url: "${receiver.url}/"\n`,
      inputs: { secrets: JSON.stringify({ S: 'tok|en99`x' }), 'version-label': '1' }
    });
    expect(run.code).toBe(1);
    for (const form of ['tok|en99', 'tok\\|en99', 'en99'])
      expect(everything(run)).not.toContain(form);
  });

  it('an answer is masked whole before it is folded and cut', async () => {
    const spaced = 'pass  word  9876';
    const receiver = await serve(
      startReceiver((_request, response) =>
        response.writeHead(400).end(`${'x'.repeat(1020)}${TOKEN} and ${spaced}`)
      )
    );
    const secrets = JSON.stringify({ TOKEN, SPACED: spaced });
    const run = await runAction({
      config: `webhooks:\n  - url: "${receiver.url}/"\n`,
      inputs: { secrets, 'version-label': '1' }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('response: xxxx');
    for (const form of [TOKEN.slice(0, 4), 'pass word'])
      expect(everything(run)).not.toContain(form);
  });

  it('an include of a name made from a secret does not echo it', async () => {
    const run = await runAction({
      config: 'webhooks:\n  - url: "https://hooks.example/{% include secrets.TOKEN %}"\n',
      inputs: { test: 'true', secrets: JSON.stringify({ TOKEN }) }
    });
    expect(run.code).toBe(1);
    expect(everything(run)).not.toContain(TOKEN);
    expect(errorMessages(run.stdout)).toMatch(/include/);
  });

  it.each([
    ['true', false],
    ['1', true],
    ['"', true],
    [',', true],
    ['e', true]
  ])(
    'a secret such as %s keeps the results JSON whole and the names intact (short: a warning)',
    async (secret, short) => {
      const receiver = await serve(startReceiver());
      const run = await runAction({
        config: `webhooks:\n  - name: release\n    url: "${receiver.url}/"\n    headers: { X-Flag: "{{ secrets.SHORT }}" }\n`,
        inputs: { secrets: JSON.stringify({ SHORT: secret }), 'version-label': '1' }
      });
      expect(run.code).toBe(0);
      const results = JSON.parse(run.outputs.results) as Array<{ name: string; ok: boolean }>;
      expect(results[0]).toMatchObject({ name: 'release', ok: true });
      expect(/::warning title=Short secret::Secret SHORT is shorter than 4/.test(run.stdout)).toBe(
        short
      );
    }
  );

  it('a dry run shows no usable signature, in either scheme', async () => {
    const run = await runAction({
      config:
        'webhooks:\n  - url: https://hooks.example/\n    secret: "{{ secrets.KEY }}"\n    signature: both\n',
      inputs: { test: 'true', secrets: JSON.stringify({ KEY: 'signing-key-123' }) }
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('webhook-signature: v1,***\n');
    expect(run.stdout).toContain('X-Hub-Signature-256: sha256=***\n');
    expect(everything(run)).not.toMatch(/v1,[A-Za-z0-9+/]{20}|sha256=[0-9a-f]{20}/);
  });
});

describe('values sent as written', () => {
  it('a __proto__ payload key merged over a built-in message stays data', async () => {
    const receiver = await serve(startReceiver());
    const run = await runAction({
      config: `webhooks:
  - to: mattermost
    url: "${receiver.url}/hooks/x"
    payload: { __proto__: { polluted: "{{ version.label }}" }, username: bot }
`,
      inputs: { 'version-label': '1.0.0' }
    });
    expect(run.code).toBe(0);
    const body = JSON.parse(receiver.requests[0].text) as Record<string, unknown>;
    expect(Object.hasOwn(body, '__proto__')).toBe(true);
    expect(body['__proto__']).toEqual({ polluted: '1.0.0' });
    expect(body.username).toBe('bot');
  });

  it('integers beyond 2^53 keep every digit, in YAML and in JSON text', async () => {
    const receiver = await serve(startReceiver());
    const run = await runAction({
      config: `webhooks:
  - url: "${receiver.url}/yaml"
    payload: { channel: 1234567890123456789, ratio: 1.50, list: [18446744073709551615] }
  - url: "${receiver.url}/json"
    payload: '{"channel": 1234567890123456789, "n": -0.0}'
`,
      inputs: { 'version-label': '1' }
    });
    expect(run.code).toBe(0);
    const bodies = Object.fromEntries(receiver.requests.map(r => [r.url, r.text]));
    expect(bodies['/yaml']).toBe(
      '{"channel":1234567890123456789,"ratio":1.50,"list":[18446744073709551615]}'
    );
    expect(bodies['/json']).toBe('{"channel":1234567890123456789,"n":-0.0}');
  });

  it.each(['.inf', '-.inf', '.nan'])('%s in a payload is an error at its line', async value => {
    const run = await runAction({
      config: `webhooks:\n  - url: https://hooks.example/\n    payload:\n      n: ${value}\n`
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain(`is not a number JSON can carry`);
    expect(run.stdout).toMatch(/::error .*file=\.github\/webhooks\.yml,line=4,col=10/);
  });

  it.each([
    ['renders empty', '"{{ secrets.EMPTY }}"', /signing secret rendered empty/],
    ['is whsec_ and nothing', '"whsec_"', /must be followed by base64/],
    ['is whsec_ and no base64', '"whsec_not base64!"', /must be followed by base64/]
  ])('a signing key that %s is an error at its line', async (_name, secret, message) => {
    const run = await runAction({
      config: `webhooks:\n  - url: https://hooks.example/\n    secret: ${secret}\n`,
      inputs: { secrets: JSON.stringify({ EMPTY: '' }), 'version-label': '1' }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(message);
    expect(run.stdout).toMatch(/::error .*file=\.github\/webhooks\.yml,line=3/);
  });

  it.each([
    '99999999999999',
    '-1',
    '2026-02-30',
    '2026-13-01',
    '1969-12-31T23:59:59Z',
    '10000-01-01'
  ])('version-published-at %s is an error naming the input', async value => {
    const run = await runAction({
      config: 'webhooks:\n  - url: https://hooks.example/\n',
      inputs: { test: 'true', 'version-published-at': value }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain('input version-published-at:');
    expect(run.stdout).not.toContain('stopped unexpectedly');
  });

  it('a webhook named with a comma can be selected (only splits on new lines when it has any)', async () => {
    const receiver = await serve(startReceiver());
    const run = await runAction({
      config: `webhooks:\n  - name: "Store, EU"\n    url: "${receiver.url}/eu"\n  - name: Store\n    url: "${receiver.url}/store"\n`,
      inputs: { only: 'Store, EU\n', 'version-label': '1' }
    });
    expect(run.code).toBe(0);
    expect(receiver.requests.map(r => r.url)).toEqual(['/eu']);
  });
});

describe('what a receiver or a template says cannot reshape the summary', () => {
  it('a redirect Location with Markdown and HTML is shown as text', async () => {
    const receiver = await serve(
      startReceiver((_request, response) =>
        response
          .writeHead(302, {
            Location: 'https://x.example/<img src=x onerror=alert(1)>[click](https://evil.example)'
          })
          .end()
      )
    );
    const run = await runAction({
      config: `webhooks:\n  - name: "<b>**Bold**</b>"\n    url: "${receiver.url}/"\n`,
      inputs: { 'version-label': '1' }
    });
    expect(run.code).toBe(1);
    // As GitHub renders it: no element and no link came from the receiver or the config.
    const html = renderMarkdown(run.summary);
    const table = html.slice(html.indexOf('<tbody>'));
    expect(table).not.toMatch(/<img|<a |<b>|<strong>/);
    const [, row] = tableRows(html);
    expect(row[0]).toBe('<b>**Bold**</b>');
    expect(row[2]).toBe(
      '❌ 302 Found: redirected to https://x.example/<img src=x onerror=alert(1)>[click](https://evil.example); redirects are not followed, use the final URL'
    );
  });
});

describe('bounded output (SPEC §6)', () => {
  it('a dry run of 5,000 webhooks keeps the results output within 1 MiB and says what it left out', async () => {
    const hooks = Array.from(
      { length: 5_000 },
      (_, i) =>
        `  - name: hook ${i}\n    url: "https://hooks.example/${i}"\n    payload: { n: "${i}" }\n`
    );
    const run = await runAction({
      config: `webhooks:\n${hooks.join('')}`,
      inputs: { test: 'true' }
    });
    expect(run.code).toBe(0);
    expect(Buffer.byteLength(run.outputs.results)).toBeLessThanOrEqual(1024 * 1024);
    const results = JSON.parse(run.outputs.results) as Array<{ name: string; request?: object }>;
    expect(results).toHaveLength(5_000);
    const leftOut = results.filter(result => !result.request).length;
    expect(leftOut).toBeGreaterThan(0);
    expect(results[0].request).toBeDefined();
    expect(run.stdout).toContain(
      `::warning ::The results output leaves out the request of the last ${leftOut} webhook(s)`
    );
  });

  it('a date format asking for a huge width is an error at its leaf, and the outputs are written', async () => {
    const run = await runAction({
      config: `webhooks:\n  - url: "https://hooks.example/x"\n    payload: { d: "{{ version.published_at | date: '%600000000d' }}" }\n`,
      inputs: { 'version-label': '1.0.0' }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain(
      'the date format asks for a field 600000000 characters wide; the widest is 100'
    );
    expect(run.stdout).not.toContain('stopped unexpectedly');
    expect(JSON.parse(run.outputs.results)).toHaveLength(1);
  });

  it('the CLI reads at most a few MiB of a config or secrets file (/dev/zero)', async () => {
    const config = await runCli(['--config', '/dev/zero', '--test']);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('/dev/zero is larger than 4 MiB');
    const secrets = await runCli(
      ['--config', 'hooks.yml', '--test', '--secrets-file', '/dev/zero'],
      {
        'hooks.yml': 'webhooks:\n  - url: "https://hooks.example/x"\n'
      }
    );
    expect(secrets.code).toBe(2);
    expect(secrets.stderr).toContain('/dev/zero is larger than 1 MiB');
  });

  it('a 429 asking to wait 1e308 seconds says more than a day, not Infinity', async () => {
    const receiver = await serve(
      startReceiver((_request, response) =>
        response
          .writeHead(429, { 'Content-Type': 'application/json' })
          .end('{"message":"You are being rate limited.","retry_after":1e308}')
      )
    );
    const run = await runAction({
      config: `webhooks:\n  - to: discord\n    url: "${receiver.url}/api/webhooks/1/t"\n`,
      inputs: { 'version-label': '1.0.0' }
    });
    expect(run.results[0].error).toContain('asked to retry after more than a day');
    expect(everything(run)).not.toContain('Infinity');
  });

  it('a dry run with a 10 MB changelog writes a summary and outputs within their limits', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'release-webhooks-big-'));
    const changes = path.join(workspace, 'CHANGES.md');
    writeFileSync(changes, '- a change with "quotes"\n'.repeat(420_000));
    const run = await runAction({
      config: `webhooks:
  - name: One
    url: https://hooks.example/1
    payload: { text: "{{ version.changes }}" }
  - name: Two
    url: https://hooks.example/2
    payload: { text: "{{ version.changes }}" }
`,
      inputs: { test: 'true', 'version-changes-file': changes }
    });
    expect(run.code).toBe(0);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(run.summary).toMatch(/more characters cut here/);
    expect(Buffer.byteLength(run.outputs.results)).toBeLessThanOrEqual(1024 * 1024);
    const results = JSON.parse(run.outputs.results) as Array<{ request: { body: string } }>;
    expect(results[1].request.body).toMatch(/more characters cut here/);
  });
});
