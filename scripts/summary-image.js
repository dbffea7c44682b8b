// `node scripts/summary-image.js`: the README's pictures, made from real runs of the built action
// against receivers on 127.0.0.1. Renders each job summary as GitHub renders Markdown and
// screenshots it with headless Chromium: docs/images/summary.png (a delivery, `npm run demo`) and
// docs/images/dry-run-preview.png (a pull request's dry run of two destinations).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

const STYLE = `
  body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; color: #1f2328; margin: 0; padding: 24px; background: #fff; width: 1000px; }
  h3 { font-size: 20px; margin: 0 0 12px; }
  table { border-collapse: collapse; margin-top: 12px; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; }
  tr:nth-child(2n) { background: #f6f8fa; }
  code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #eff1f3; padding: 2px 4px; border-radius: 6px; }
  blockquote { margin: 0 0 16px; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
  blockquote h3 { font-size: 16px; }
  a { color: #0969da; text-decoration: none; }
  details { margin-bottom: 16px; }`;

function screenshot(summary, file, height) {
  const body = micromark(summary, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  });
  const folder = mkdtempSync(path.join(tmpdir(), 'summary-image-'));
  writeFileSync(
    path.join(folder, 'summary.html'),
    `<!doctype html><meta charset="utf-8"><style>${STYLE}</style>${body}`
  );
  execFileSync('chromium', [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--disable-background-networking',
    '--no-first-run',
    `--window-size=1048,${height}`,
    `--screenshot=${path.resolve(file)}`,
    `file://${path.join(folder, 'summary.html')}`
  ]);
  console.log(`Wrote ${file}`);
}

// A delivery: the demo's summary.
const output = execFileSync('node', ['scripts/demo.js'], { encoding: 'utf8' });
const marker = 'Job summary written to GITHUB_STEP_SUMMARY:';
screenshot(
  output.slice(output.indexOf(marker) + marker.length).trim(),
  'docs/images/summary.png',
  330
);

// A pull request's dry run: what Discord and Slack will read, above the raw requests.
const root = mkdtempSync(path.join(tmpdir(), 'release-webhooks-preview-'));
mkdirSync(path.join(root, '.github'));
writeFileSync(
  path.join(root, '.github/webhooks.yml'),
  `webhooks:
  - name: Discord
    to: discord
    url: "{{ secrets.DISCORD_WEBHOOK_URL }}"
  - name: Slack
    to: slack
    url: "{{ secrets.SLACK_WEBHOOK_URL }}"
`
);
for (const name of ['output', 'summary']) writeFileSync(path.join(root, name), '');
writeFileSync(path.join(root, 'event.json'), '{}');
const changes = `## Added

- **Cloud saves**, synced when the game starts and when it closes ([#412](https://github.com/octo-org/space-game/pull/412))
- A \`--safe-mode\` option that starts without mods

## Fixed

- Crash when a controller is unplugged during a cut-scene, thanks @hubot
- Audio crackle on 44.1 kHz devices`;
const run = spawnSync(process.execPath, ['dist/index.js'], {
  encoding: 'utf8',
  env: {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: path.join(root, 'output'),
    GITHUB_STEP_SUMMARY: path.join(root, 'summary'),
    GITHUB_EVENT_PATH: path.join(root, 'event.json'),
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'octo-org/space-game',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REF_NAME: '7/merge',
    GITHUB_REF_TYPE: 'branch',
    INPUT_TEST: 'true',
    'INPUT_VERSION-LABEL': 'v1.4.0',
    'INPUT_APP-DISPLAY-NAME': 'Space Game',
    'INPUT_VERSION-CONTENT-SIZE': '157286400',
    'INPUT_VERSION-CHANGES': changes,
    INPUT_SECRETS: JSON.stringify({ github_token: 'ghs_preview' })
  }
});
if (run.status !== 0) throw new Error(`the dry run failed:\n${run.stdout}`);
screenshot(
  readFileSync(path.join(root, 'summary'), 'utf8'),
  'docs/images/dry-run-preview.png',
  900
);
