// How each destination writes text: its emphasis, links, lists, code, and what it must escape.

import type { Dialect } from './dialect-names.js';

export { DIALECT_NAMES, type Dialect } from './dialect-names.js';

export interface Style {
  /** Text that must read as itself. */
  escape(text: string): string;
  strong(text: string): string;
  emphasis(text: string): string;
  strike(text: string): string;
  inlineCode(code: string): string;
  link(text: string, url: string): string;
  /** A link whose text is its address, where the destination links a bare address itself. */
  bareLink?(url: string): string;
  heading(text: string, depth: number): string;
  codeBlock(code: string, language: string): string;
  quote(text: string): string;
  listItem(text: string, number: number | undefined, checked: boolean | null): string;
  tableRow(cells: string[], isHeader: boolean): string;
  rule: string;
  /** A GitHub `@handle` (its text escaped), linked to its profile where the dialect has links. */
  handle?(text: string, handle: string): string;
}

/** A table row read as a line: its cells apart, the empty ones left out. */
const flatRow = (cells: string[]) => cells.filter(cell => cell.trim() !== '').join(' · ');

const taskMark = (checked: boolean | null) => (checked === null ? '' : checked ? '☑ ' : '☐ ');

const quoteLines = (text: string) =>
  text
    .split('\n')
    .map(line => `> ${line}`)
    .join('\n');

/** A code span that its content's backticks cannot close. */
function codeSpan(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map(m => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

function fencedCode(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map(m => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${code}\n${fence}`;
}

/** A URL as a Markdown link's target: a parenthesis or a space would end it early. */
const linkTarget = (url: string) =>
  url.replace(/[()\s]/g, c => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));

/** Markdown as Discord and Mattermost read it (CommonMark with GitHub's extensions). */
function markdown(headingPrefix: boolean, tables: boolean): Style {
  return {
    escape: text => text.replace(/[\\`*_~|<>[\]#]/g, '\\$&'),
    strong: text => `**${text}**`,
    emphasis: text => `*${text}*`,
    strike: text => `~~${text}~~`,
    inlineCode: codeSpan,
    link: (text, url) => `[${text}](${linkTarget(url)})`,
    // Discord and Mattermost link an http(s) address written bare, markup characters and all.
    bareLink: url => (/^https?:\/\/[^\s<>]+$/.test(url) ? url : `[${url}](${linkTarget(url)})`),
    heading: (text, depth) =>
      headingPrefix ? `${'#'.repeat(Math.min(depth + 1, 3))} ${text}` : `**${text}**`,
    codeBlock: fencedCode,
    quote: quoteLines,
    listItem: (text, number, checked) =>
      `${number === undefined ? '-' : `${number}.`} ${taskMark(checked)}${text}`,
    tableRow: (cells, isHeader) =>
      tables
        ? `| ${cells.join(' | ')} |${isHeader ? `\n|${cells.map(() => ' --- |').join('')}` : ''}`
        : flatRow(cells),
    rule: tables ? '---' : '──────────'
  };
}

/** Slack's mrkdwn: `&`, `<` and `>` are the characters it needs escaped. */
const slack: Style = {
  escape: text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  strong: text => `*${text}*`,
  emphasis: text => `_${text}_`,
  strike: text => `~${text}~`,
  inlineCode: code => `\`${slack.escape(code.replace(/`/g, "'"))}\``,
  link: (text, url) =>
    `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${text.replace(/\|/g, '¦')}>`,
  bareLink: url => `<${url.replace(/[<>|\s]/g, encodeURIComponent)}>`,
  heading: text => `*${text}*`,
  codeBlock: code => `\`\`\`\n${slack.escape(code.replace(/```/g, "'''"))}\n\`\`\``,
  quote: quoteLines,
  listItem: (text, number, checked) =>
    `${number === undefined ? '•' : `${number}.`} ${taskMark(checked)}${text}`,
  tableRow: flatRow,
  rule: '──────────'
};

/**
 * Google Chat's text formatting, which reads links as Slack does but shows HTML entities as
 * written: `<` and `>` become look-alikes, in code too.
 */
const chatText = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');
const googleChat: Style = {
  ...slack,
  escape: chatText,
  inlineCode: code => `\`${chatText(code.replace(/`/g, "'"))}\``,
  codeBlock: code => `\`\`\`\n${chatText(code.replace(/```/g, "'''"))}\n\`\`\``,
  // Its documentation gives only the `<url|text>` form.
  bareLink: undefined
};

/** Telegram's HTML parse mode: only its tags, and `& < >` escaped everywhere else. */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const telegram: Style = {
  escape: html,
  strong: text => `<b>${text}</b>`,
  emphasis: text => `<i>${text}</i>`,
  strike: text => `<s>${text}</s>`,
  inlineCode: code => `<code>${html(code)}</code>`,
  link: (text, url) => `<a href="${html(url).replace(/"/g, '&quot;')}">${text}</a>`,
  heading: text => `<b>${text}</b>`,
  codeBlock: (code, language) =>
    language
      ? `<pre><code class="language-${html(language).replace(/"/g, '')}">${html(code)}</code></pre>`
      : `<pre>${html(code)}</pre>`,
  // Telegram refuses a quote inside a quote: the inner one is written as its text.
  quote: text => `<blockquote>${text.replace(/<\/?blockquote>/g, '')}</blockquote>`,
  listItem: (text, number, checked) =>
    `${number === undefined ? '•' : `${number}.`} ${taskMark(checked)}${text}`,
  tableRow: flatRow,
  rule: '──────────'
};

/**
 * The Markdown subset of Adaptive Card text: bold, italic, lists and links only. It has no code,
 * so code is text whose marks are escaped: `__proto__` must not turn bold.
 */
const teamsEscape = (text: string) => text.replace(/[\\*_~`[\]]/g, '\\$&');
const teams: Style = {
  escape: teamsEscape,
  strong: text => `**${text}**`,
  emphasis: text => `_${text}_`,
  strike: text => text,
  inlineCode: teamsEscape,
  link: (text, url) => `[${text}](${linkTarget(url)})`,
  heading: text => `**${text}**`,
  codeBlock: teamsEscape,
  quote: text => text,
  listItem: (text, number, checked) =>
    `${number === undefined ? '-' : `${number}.`} ${taskMark(checked)}${text}`,
  tableRow: flatRow,
  rule: '──────────'
};

const text: Style = {
  escape: value => value,
  strong: value => value,
  emphasis: value => value,
  strike: value => value,
  inlineCode: code => code,
  link: (label, url) => (label && label !== url ? `${label} (${url})` : url),
  heading: value => value,
  codeBlock: code => code,
  quote: quoteLines,
  listItem: (value, number, checked) =>
    `${number === undefined ? '-' : `${number}.`} ${taskMark(checked)}${value}`,
  tableRow: flatRow,
  rule: '──────────'
};

/**
 * Mattermost notifies a whole channel for `@channel`, `@all` and `@here` in a webhook's text, and
 * has no switch against it (Discord has `allowed_mentions`; Slack's `<!channel>` is escaped): a
 * zero-width space after the `@` keeps the word and notifies nobody.
 */
function withoutChannelMentions(style: Style): Style {
  const neutral = (value: string) => value.replace(/@(channel|all|here)\b/gi, '@\u200b$1');
  return { ...style, escape: value => neutral(style.escape(value)) };
}

/**
 * HTML as Matrix's `formatted_body`, Open Collective and email read it: Matrix's allowed tags only
 * (`strong`, `em`, `del`, `code`, `pre`, `a`, `blockquote`, `h1`–`h6`, `hr`, `br`). Lines are
 * joined with newlines, which HTML collapses: `htmlLines` writes them as `<br>`.
 */
const htmlStyle: Style = {
  ...telegram,
  strong: text => `<strong>${text}</strong>`,
  emphasis: text => `<em>${text}</em>`,
  strike: text => `<del>${text}</del>`,
  heading: (text, depth) => `<h${Math.min(depth + 1, 6)}>${text}</h${Math.min(depth + 1, 6)}>`,
  codeBlock: (code, language) =>
    `<pre><code${language ? ` class="language-${html(language).replace(/"/g, '')}"` : ''}>${html(code)}</code></pre>`,
  quote: text => `<blockquote>${text}</blockquote>`,
  rule: '<hr>'
};

/** Text as HTML text or attribute value: `& < > "` as entities. */
export const escapeHtml = (text: string) => html(text).replace(/"/g, '&quot;');

/** `<a href="url">label</a>`, the label HTML already. */
export const htmlLink = (url: string, label: string) => `<a href="${escapeHtml(url)}">${label}</a>`;

/** HTML whose text lines are separated by `<br>`, the lines inside `<pre>` left as they are. */
export function htmlLines(text: string): string {
  return text
    .split(/(<pre>[\s\S]*?<\/pre>)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(<\/h\d>|<\/blockquote>|<hr>)?\n+/g, (line, block?: string) =>
            block ? `${block}\n` : `${'<br>'.repeat(Math.min(line.length, 2))}\n`
          )
    )
    .join('');
}

/**
 * Zulip's Markdown mentions with `@**name**` (and `@**all**`): an `@` that ends a piece of text,
 * before bold, gets a zero-width space so that it mentions nobody.
 */
function withoutZulipMentions(style: Style): Style {
  return { ...style, escape: value => style.escape(value).replace(/@$/, '@\u200b') };
}

export const DIALECTS: Record<Dialect, Style> = {
  discord: markdown(true, false),
  mattermost: withoutChannelMentions(markdown(true, true)),
  // Rocket.Chat renders headings but no tables; `@all` and `@here` notify as in Mattermost.
  rocketchat: withoutChannelMentions(markdown(true, false)),
  slack,
  'google-chat': googleChat,
  telegram,
  teams,
  zulip: withoutZulipMentions(withoutChannelMentions(markdown(true, true))),
  // Discourse notifies `@here` and a group named in a post as Mattermost does.
  discourse: withoutChannelMentions(markdown(true, true)),
  github: markdown(true, true),
  html: htmlStyle,
  text
};
