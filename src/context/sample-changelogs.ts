// The changelogs a dry run checks every webhook with when the release's own is not known yet (a
// pull request): the shapes real release notes take, each one hard on a template somewhere.
// Written for this action after the shapes of public release notes; a file of its own in the
// bundle, loaded only by a dry run.

export interface SampleChangelog {
  /** How an error names it: "with the <name> sample changelog". */
  name: string;
  changes: string;
}

const REPOSITORY = 'https://github.com/sample-owner/sample-app';

/** A GitHub-generated "What's Changed" list. */
const generated = `## What's Changed
* Add a dark theme to the launcher by @octocat in ${REPOSITORY}/pull/412
* Fix crash when the save folder is read-only by @hubot in ${REPOSITORY}/pull/415
* Bump \`actions/checkout\` from 4 to 5 by @dependabot[bot] in ${REPOSITORY}/pull/418
* Translate the settings screen to Polish by @new-contributor in ${REPOSITORY}/pull/420

## New Contributors
* @new-contributor made their first contribution in ${REPOSITORY}/pull/420

**Full Changelog**: ${REPOSITORY}/compare/v1.3.0...v1.4.0`;

/** Keep a Changelog, with link reference definitions at the end. */
const keepAChangelog = `## [1.4.0] - 2026-11-28

### Added

- Cloud saves, synced when the game starts and when it closes ([#412]).
- A \`--safe-mode\` option that starts without mods.

### Changed

- The minimum macOS version is now **12 (Monterey)**.

### Fixed

- _Rare_ crash when a controller is unplugged during a cut-scene.
- Audio crackle on 44.1 kHz devices.

[1.4.0]: ${REPOSITORY}/compare/v1.3.0...v1.4.0
[#412]: ${REPOSITORY}/pull/412`;

const AREAS = ['rcore', 'rtext', 'rmodels', 'raudio', 'rshapes', 'rtextures', 'build', 'docs'];
const VERBS = ['ADDED', 'REVIEWED', 'FIXED', 'RENAMED', 'REMOVED', 'UPDATED'];

/** Over 35 KB of plain text without a blank line: one Markdown paragraph after its list. */
const plainText = [
  'KEY CHANGES:',
  ' - New platform backends and a project creator tool',
  ' - GPU skinning on every platform',
  'Detailed changes:',
  ...Array.from(
    { length: 520 },
    (_, i) =>
      `[${AREAS[i % AREAS.length]}] ${VERBS[i % VERBS.length]}: \`Function${i}()\`, behaviour reviewed for edge case ${i} (#${4000 + i}) by @contributor${i % 37}`
  )
].join('\n');

/** HTML as release pages paste it: details, a table, images. */
const html = `<details>
<summary>Engine updates and fixes</summary>

- Add instrumentation to \`AmsiUtil\` (#18727)
- Allow non-default encodings in scripts (#18605)

</details>

<table>
<tr><th>Platform</th><th>Download</th></tr>
<tr><td>Windows</td><td><a href="${REPOSITORY}/releases/download/v1.4.0/app-win.zip">app-win.zip</a></td></tr>
<tr><td>Linux</td><td><a href="${REPOSITORY}/releases/download/v1.4.0/app-linux.tar.gz">app-linux.tar.gz</a></td></tr>
</table>

<img width="640" alt="The new launcher" src="${REPOSITORY}/assets/launcher.png">

![Vivid Alloy Nugget](${REPOSITORY}/assets/nugget.png "Vivid Alloy Nugget")

| Setting | Before | After |
| --- | --- | --- |
| Max FPS | 60 | 240 |
| Texture cache | 256 MB | 1 GB |`;

/** Code fences, indented code in lists, and code spans that look like emphasis. */
const code = `### Breaking changes

- The \`__proto__\` key is refused in \`nestKeys\`; use \`Object.create(null)\` maps.
- Responses typed \`application/*+json\` are parsed as JSON:

  \`\`\`js
  const config = await load({ strict: true });
  if (config.__proto__) throw new Error('refused');
  \`\`\`

\`\`\`diff
- import { build } from "esbuild"
+ import * as esbuild from "esbuild"
\`\`\`

    indented_code_block(with, **stars**)`;

/** Chinese text with emoji. */
const cjk = `## 🆕 新功能

- 🎉 新增云存档功能，启动和退出时自动同步。#412
- 🌐 设置页面支持波兰语。

## 🐞 修复

- 🐛 修复只读存档目录导致的崩溃问题。
- 💄 优化 \`Button\` 组件在暗色主题下的样式。`;

/** Right-to-left text. */
const rtl = `## ما الجديد

- إضافة الحفظ السحابي.
- إصلاح تعطل التطبيق عند فصل وحدة التحكم.

## מה חדש

- תמיכה בשמירה בענן.`;

/** Mass mentions in every service's syntax, and GitHub @handles. */
const mentions = `Thanks to everyone who tested this release! @everyone @here

- Fix notifications <!channel> <!here> <!everyone> @channel @all
- Reviewed by @octocat and @hubot; see <@123456789012345678> and <@&987654321098765432>`;

export const SAMPLE_CHANGELOGS: readonly SampleChangelog[] = [
  { name: 'GitHub-generated "What\'s Changed"', changes: generated },
  { name: 'Keep a Changelog', changes: keepAChangelog },
  { name: `${Math.round(plainText.length / 1024)} KB plain-text`, changes: plainText },
  { name: 'HTML (details, table, images)', changes: html },
  { name: 'code fences', changes: code },
  { name: 'CJK and emoji', changes: cjk },
  { name: 'right-to-left', changes: rtl },
  { name: 'mass mentions', changes: mentions }
];

/** The pre-release a dry run also checks with (the short sample changelog). */
export const SAMPLE_PRERELEASE_LABEL = '2.0.0-beta.1';
