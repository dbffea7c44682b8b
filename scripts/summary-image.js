// `node scripts/summary-image.js`: the README's picture, made from a real run. Runs `npm run demo`
// (the built action against receivers on 127.0.0.1), renders the job summary it wrote as GitHub
// renders Markdown, and screenshots it with headless Chromium into docs/images/summary.png.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

const output = execFileSync('node', ['scripts/demo.js'], { encoding: 'utf8' });
const marker = 'Job summary written to GITHUB_STEP_SUMMARY:';
const summary = output.slice(output.indexOf(marker) + marker.length).trim();
const body = micromark(summary, {
  allowDangerousHtml: true,
  extensions: [gfm()],
  htmlExtensions: [gfmHtml()]
});
const page = `<!doctype html><meta charset="utf-8"><style>
  body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; color: #1f2328; margin: 0; padding: 24px; background: #fff; width: 1000px; }
  h3 { font-size: 20px; margin: 0 0 12px; }
  table { border-collapse: collapse; margin-top: 12px; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; }
  tr:nth-child(2n) { background: #f6f8fa; }
  code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #eff1f3; padding: 2px 4px; border-radius: 6px; }
</style>${body}`;
const folder = mkdtempSync(path.join(tmpdir(), 'summary-image-'));
writeFileSync(path.join(folder, 'summary.html'), page);
execFileSync('chromium', [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  '--window-size=1048,330',
  `--screenshot=${path.resolve('docs/images/summary.png')}`,
  `file://${path.join(folder, 'summary.html')}`
]);
console.log('Wrote docs/images/summary.png');
