// A destination's message as people will read it, written as GitHub Markdown for the dry run's job
// summary (SPEC §6): each destination gives its parts, and its dialect is read back here.

/** Slack mrkdwn (and Google Chat's text, the same marks) as GitHub Markdown. */
export function fromSlackMarkup(text: string): string {
  return text
    .replace(/<([^<>|\s]+)\|([^<>]*)>/g, (_all, url: string, label: string) => `[${label}](${url})`)
    .replace(/<([^<>|\s]+)>/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,!?:;])/gm, '$1**$2**')
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,!?:;])/gm, '$1~~$2~~')
    .replace(BULLET, '$1- ');
}

/** The dialects' list bullet, which GitHub Markdown writes as `-`. */
const BULLET = /^(\s*)• /gm;

const TELEGRAM_MARKS: Record<string, string> = {
  b: '**',
  strong: '**',
  i: '_',
  em: '_',
  s: '~~',
  strike: '~~',
  del: '~~',
  code: '`'
};

/** Telegram's HTML as GitHub Markdown: its few tags become marks; entities stay entities. */
export function fromTelegramHtml(html: string): string {
  return html
    .replace(/<pre>(?:<code[^>]*>)?([^]*?)(?:<\/code>)?<\/pre>/g, '\n```\n$1\n```\n')
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '[$2]($1)')
    .replace(/<blockquote[^>]*>([^]*?)<\/blockquote>/g, (_all, inner: string) =>
      inner
        .split('\n')
        .map(line => `> ${line}`)
        .join('\n')
    )
    .replace(/<\/?([a-z-]+)[^>]*>/g, (_all, tag: string) => TELEGRAM_MARKS[tag] ?? '')
    .replace(BULLET, '$1- ');
}

/** HTML of the html dialect (Matrix, email, Open Collective) as GitHub Markdown: its blocks and
 * `<br>` are lines, its marks and links as Telegram's. */
export function fromHtml(html: string): string {
  return fromTelegramHtml(html.replace(/<br>\n?/g, '\n').replace(/<\/?(p|h\d)>/g, '\n'));
}

/** A title line: bold, linked when there is a link. */
export function titleLine(title: string, link: string): string {
  if (!title) return '';
  return link ? `**[${title}](${link})**` : `**${title}**`;
}

export function joinParts(parts: string[]): string {
  return parts.filter(part => part.trim()).join('\n\n');
}
