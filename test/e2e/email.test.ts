// `to: email` (SPEC 14) through the built action, against a local SMTP server (smtp-server): an
// HTML part and a text part, credentials never printed, the server's refusals in its words, and
// the mail library loaded only by a run that sends email.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorMessages, runAction } from '../support/action.js';
import { BUILT } from '../support/built.js';
import { startSmtp, SMTP_USER, type FakeSmtp } from '../support/fakes/smtp.js';

let smtp: FakeSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const config = (extra = '', password = '{{ secrets.SMTP_PASSWORD }}') => `webhooks:
  - name: Email
    to: email
    url: "${smtp.url}"
    auth: { user: ${SMTP_USER.user}, password: "${password}" }
    payload:
      from: "Space Rocks <releases@mail.example.com>"
      to: [players@example.com, press@example.com]
${extra}`;
const secrets = JSON.stringify({ SMTP_PASSWORD: SMTP_USER.password });
const inputs = {
  'app-display-name': 'Space Rocks',
  'version-changes':
    '## Fixed\n\n- **Crash** on start <b>fixed</b>\n- See https://example.com/notes'
};

describe('to: email', () => {
  it('sends an HTML part and a text part, authenticated, the credentials never printed', async () => {
    const run = await runAction({
      config: config(),
      inputs: { ...inputs, 'version-label': '1.0.0', secrets }
    });
    expect(errorMessages(run.stdout)).toBe('');
    const [result] = run.results;
    expect([result.method, result.status, result.ok]).toEqual(['SMTP', 250, true]);
    const mail = smtp.messages.at(-1)!;
    expect(mail.to).toEqual(['players@example.com', 'press@example.com']);
    expect(mail.raw).toMatch(/^Subject: Space Rocks 1\.0\.0$/m);
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(mail.raw).toContain('<strong>Crash</strong>');
    // The webhook-id names the message.
    expect(result.message_id).toMatch(/^<[0-9a-f-]{36}@mail\.example\.com>$/);
    expect(mail.raw).toContain(`Message-ID: ${result.message_id as string}`);
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(SMTP_USER.password);
  });

  it('a dry run shows the email, credentials as ***, and sends nothing', async () => {
    const before = smtp.messages.length;
    const run = await runAction({
      config: config(),
      inputs: { ...inputs, 'version-label': '1.0.1', test: 'true', secrets }
    });
    expect(errorMessages(run.stdout)).toBe('');
    expect(run.stdout).toContain(`::group::Email: SMTP ${smtp.url}`);
    const request = run.results[0].request as { headers: Record<string, string>; body: string };
    expect(request.headers.Authorization).toBe('***');
    expect(JSON.parse(request.body)).toMatchObject({
      subject: 'Space Rocks 1.0.1',
      to: ['players@example.com', 'press@example.com']
    });
    expect(smtp.messages.length).toBe(before);
  });

  it("a wrong password is refused in the server's words, and not retried", async () => {
    const run = await runAction({
      config: config('', 'wrong'),
      inputs: { ...inputs, 'version-label': '1.0.2', retries: '2' }
    });
    expect(run.code).toBe(1);
    expect(run.results[0].error).toBe(
      'EAUTH: Invalid login: 535 Authentication credentials invalid'
    );
    expect(run.results[0].attempts).toBe(1);
  });

  it('a recipient the server refuses fails the webhook', async () => {
    const run = await runAction({
      config: config().replace('press@example.com', 'someone@elsewhere.org'),
      inputs: { ...inputs, 'version-label': '1.0.3', secrets }
    });
    expect(run.code).toBe(1);
    expect(run.results[0].error).toBe(
      '250 OK: the server refused someone@elsewhere.org (the others were sent the email)'
    );
    expect(smtp.messages.at(-1)!.to).toEqual(['players@example.com']);
  });

  it('a server that does not answer is retried, then named', async () => {
    const run = await runAction({
      config: config().replace(smtp.url, 'smtp://127.0.0.1:1'),
      inputs: { ...inputs, 'version-label': '1.0.4', secrets, retries: '1' }
    });
    expect(run.code).toBe(1);
    expect(run.results[0].attempts).toBe(2);
    expect(run.results[0].error).toMatch(/^ESOCKET: connect ECONNREFUSED 127\.0\.0\.1:1/);
  });

  it.each([
    ['no recipient', () => config().replace(/ {6}to: .*\n/, ''), 'an email needs `to`'],
    [
      'a subject of two lines (a header of its own)',
      () => config('      subject: "Release\\nBcc: everyone@example.com"\n'),
      'the subject must be one line'
    ],
    [
      'an http url',
      () => config().replace(smtp.url, 'https://mail.example.com'),
      'must be an smtp: or smtps: URL (smtps://mail.example.com:465) (found https:)'
    ]
  ])('%s is an error at the webhook in a dry run', async (_what, text, message) => {
    const run = await runAction({
      config: text(),
      inputs: { ...inputs, test: 'true', secrets }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toContain(message);
  });

  it('only a run that sends email loads the mail library; only one to a service loads the services', async () => {
    const loaded = async (text: string, label: string) => {
      const record = path.join(mkdtempSync(path.join(tmpdir(), 'loaded-')), 'loaded.json');
      await runAction({
        config: text,
        inputs: { ...inputs, 'version-label': label, secrets },
        env: {
          NODE_OPTIONS: `--require ${path.resolve('test/support/record-loaded.cjs')}`,
          RECORD_LOADED: record
        }
      });
      const { files } = JSON.parse(readFileSync(record, 'utf8')) as { files: string[] };
      return files.filter(file => file.startsWith(BUILT)).map(file => path.relative(BUILT, file));
    };
    expect(await loaded(config(), '1.0.5')).toContain('mail.js');
    const matrix = `webhooks:\n  - to: matrix\n    url: "http://127.0.0.1:1"\n    auth: { token: t }\n    payload: { room_id: "!r:x" }\n    retries: 0\n`;
    const service = await loaded(matrix, '1.0.6');
    expect(service).toContain('services.js');
    expect(service).not.toContain('mail.js');
    // A chat destination loads neither the other services nor the mail library.
    const chat = `webhooks:\n  - to: mattermost\n    url: "http://127.0.0.1:1/hooks/x"\n    retries: 0\n`;
    expect((await loaded(chat, '1.0.7')).sort()).toEqual(['destinations.js', 'index.js']);
  });
});
