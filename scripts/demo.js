// `npm run demo`: runs the built action (dist/index.js) on webhooks.example.yml the way a runner
// does, against a receiver on 127.0.0.1, and prints what the receiver got.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SIGNING_SECRET = 'whsec_ZGVtby1zaWduaW5nLWtleS0xMjM0NTY3ODkw';
const bold = text => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

const received = [];
const receiver = createServer((req, res) => {
  const chunks = [];
  req.on('data', chunk => chunks.push(chunk));
  req.on('end', () => {
    received.push({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8')
    });
    res
      .writeHead(req.url.startsWith('/discord') ? 204 : 200, { 'Content-Type': 'application/json' })
      .end('{"ok":true}');
  });
});
await new Promise(resolve => receiver.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${receiver.address().port}`;

// The example's endpoints, pointed at the local receiver.
const root = mkdtempSync(path.join(tmpdir(), 'release-webhooks-demo-'));
const workspace = path.join(root, 'workspace');
mkdirSync(path.join(workspace, '.github'), { recursive: true });
mkdirSync(path.join(workspace, 'build'));
const example = readFileSync('webhooks.example.yml', 'utf8').replace(
  /https:\/\/(\w+)\.example\.com/g,
  (_match, host) => `${base}/${host}`
);
writeFileSync(path.join(workspace, '.github/webhooks.yml'), example);
writeFileSync(
  path.join(workspace, 'CHANGELOG-latest.md'),
  '- New desert level\n- Fixed the "double jump" bug\n- Faster loading 🚀'
);
writeFileSync(path.join(workspace, 'build/space-game-windows.zip'), Buffer.alloc(3_500_000));
writeFileSync(path.join(workspace, 'build/space-game-linux.zip'), Buffer.alloc(3_100_000));
for (const name of ['output', 'summary', 'event.json'])
  writeFileSync(path.join(root, name), name === 'event.json' ? '{}' : '');

const inputs = {
  'version-label': '1.4.0',
  'app-display-name': 'Space Game',
  'version-changes-file': 'CHANGELOG-latest.md',
  'version-content-files': 'build/*.zip',
  secrets: JSON.stringify({
    DISCORD_WEBHOOK_URL: `${base}/discord/webhooks/123/abc`,
    SLACK_WEBHOOK_URL: `${base}/slack/services/T000/B000/XXX`,
    STORE_API_TOKEN: 'store-token-8f14e45f',
    STORE_SIGNING_SECRET: SIGNING_SECRET
  })
};
const env = {
  PATH: process.env.PATH,
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: workspace,
  GITHUB_OUTPUT: path.join(root, 'output'),
  GITHUB_STEP_SUMMARY: path.join(root, 'summary'),
  GITHUB_EVENT_PATH: path.join(root, 'event.json'),
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REPOSITORY: 'octo-org/space-game',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REF_NAME: 'v1.4.0',
  GITHUB_RUN_ID: '42',
  GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53'
};
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

console.log(bold('▶ The action (dist/index.js) on webhooks.example.yml, as a runner runs it:\n'));
const code = await new Promise(resolve => {
  spawn(process.execPath, ['dist/index.js'], { env, stdio: 'inherit' }).on('close', resolve);
});

console.log(bold(`\n▶ What the receiver on ${base} got (${received.length} requests):`));
for (const request of received) {
  console.log(`\n${bold(`${request.method} ${request.url}`)}`);
  for (const name of [
    'content-type',
    'user-agent',
    'authorization',
    'webhook-id',
    'webhook-timestamp',
    'webhook-signature'
  ]) {
    if (request.headers[name]) console.log(`${name}: ${request.headers[name]}`);
  }
  const signature = request.headers['webhook-signature'];
  if (signature) {
    const key = Buffer.from(SIGNING_SECRET.slice('whsec_'.length), 'base64');
    const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`;
    const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
    console.log(expected === signature ? '(signature verified ✓)' : '(signature MISMATCH ✗)');
  }
  let body = request.body;
  try {
    body = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // form or text bodies print as they are
  }
  console.log(`\n${body}`);
}
console.log(bold('\n▶ Job summary written to GITHUB_STEP_SUMMARY:\n'));
console.log(readFileSync(path.join(root, 'summary'), 'utf8'));
receiver.close();
process.exitCode = code;
