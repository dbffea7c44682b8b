'use strict';const __bundleUrl=require('node:url').pathToFileURL(__filename).href;
"use strict";var s=Object.defineProperty;var c=Object.getOwnPropertyDescriptor;var h=Object.getOwnPropertyNames;var g=Object.prototype.hasOwnProperty;var u=(n,e)=>{for(var o in e)s(n,o,{get:e[o],enumerable:!0})},p=(n,e,o,r)=>{if(e&&typeof e=="object"||typeof e=="function")for(let a of h(e))!g.call(n,a)&&a!==o&&s(n,a,{get:()=>e[a],enumerable:!(r=c(e,a))||r.enumerable});return n};var m=n=>p(s({},"__esModule",{value:!0}),n);var _={};u(_,{SAMPLE_CHANGELOGS:()=>$,SAMPLE_PRERELEASE_LABEL:()=>x});module.exports=m(_);var t="https://github.com/sample-owner/sample-app",b=`## What's Changed
* Add a dark theme to the launcher by @octocat in ${t}/pull/412
* Fix crash when the save folder is read-only by @hubot in ${t}/pull/415
* Bump \`actions/checkout\` from 4 to 5 by @dependabot[bot] in ${t}/pull/418
* Translate the settings screen to Polish by @new-contributor in ${t}/pull/420

## New Contributors
* @new-contributor made their first contribution in ${t}/pull/420

**Full Changelog**: ${t}/compare/v1.3.0...v1.4.0`,f=`## [1.4.0] - 2026-11-28

### Added

- Cloud saves, synced when the game starts and when it closes ([#412]).
- A \`--safe-mode\` option that starts without mods.

### Changed

- The minimum macOS version is now **12 (Monterey)**.

### Fixed

- _Rare_ crash when a controller is unplugged during a cut-scene.
- Audio crackle on 44.1 kHz devices.

[1.4.0]: ${t}/compare/v1.3.0...v1.4.0
[#412]: ${t}/pull/412`,i=["rcore","rtext","rmodels","raudio","rshapes","rtextures","build","docs"],l=["ADDED","REVIEWED","FIXED","RENAMED","REMOVED","UPDATED"],d=["KEY CHANGES:"," - New platform backends and a project creator tool"," - GPU skinning on every platform","Detailed changes:",...Array.from({length:520},(n,e)=>`[${i[e%i.length]}] ${l[e%l.length]}: \`Function${e}()\`, behaviour reviewed for edge case ${e} (#${4e3+e}) by @contributor${e%37}`)].join(`
`),w=`<details>
<summary>Engine updates and fixes</summary>

- Add instrumentation to \`AmsiUtil\` (#18727)
- Allow non-default encodings in scripts (#18605)

</details>

<table>
<tr><th>Platform</th><th>Download</th></tr>
<tr><td>Windows</td><td><a href="${t}/releases/download/v1.4.0/app-win.zip">app-win.zip</a></td></tr>
<tr><td>Linux</td><td><a href="${t}/releases/download/v1.4.0/app-linux.tar.gz">app-linux.tar.gz</a></td></tr>
</table>

<img width="640" alt="The new launcher" src="${t}/assets/launcher.png">

![Vivid Alloy Nugget](${t}/assets/nugget.png "Vivid Alloy Nugget")

| Setting | Before | After |
| --- | --- | --- |
| Max FPS | 60 | 240 |
| Texture cache | 256 MB | 1 GB |`,E='### Breaking changes\n\n- The `__proto__` key is refused in `nestKeys`; use `Object.create(null)` maps.\n- Responses typed `application/*+json` are parsed as JSON:\n\n  ```js\n  const config = await load({ strict: true });\n  if (config.__proto__) throw new Error(\'refused\');\n  ```\n\n```diff\n- import { build } from "esbuild"\n+ import * as esbuild from "esbuild"\n```\n\n    indented_code_block(with, **stars**)',A=`## 🆕 新功能

- 🎉 新增云存档功能，启动和退出时自动同步。#412
- 🌐 设置页面支持波兰语。

## 🐞 修复

- 🐛 修复只读存档目录导致的崩溃问题。
- 💄 优化 \`Button\` 组件在暗色主题下的样式。`,y=`## ما الجديد

- إضافة الحفظ السحابي.
- إصلاح تعطل التطبيق عند فصل وحدة التحكم.

## מה חדש

- תמיכה בשמירה בענן.`,v=`Thanks to everyone who tested this release! @everyone @here

- Fix notifications <!channel> <!here> <!everyone> @channel @all
- Reviewed by @octocat and @hubot; see <@123456789012345678> and <@&987654321098765432>`,$=[{name:`GitHub-generated "What's Changed"`,changes:b},{name:"Keep a Changelog",changes:f},{name:`${Math.round(d.length/1024)} KB plain-text`,changes:d},{name:"HTML (details, table, images)",changes:w},{name:"code fences",changes:E},{name:"CJK and emoji",changes:A},{name:"right-to-left",changes:y},{name:"mass mentions",changes:v}],x="2.0.0-beta.1";0&&(module.exports={SAMPLE_CHANGELOGS,SAMPLE_PRERELEASE_LABEL});
