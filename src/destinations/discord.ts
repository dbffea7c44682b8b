// Discord webhooks: https://discord.com/developers/docs/resources/webhook#execute-webhook
import { joinParts, titleLine } from './preview.js';
import {
  cutLine,
  isRecord,
  jsonBody,
  textOf,
  tooLong,
  type Destination,
  type Refusal
} from './types.js';

export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  username: 80,
  threadName: 100
};
const L = DISCORD_LIMITS;
const FIX = `Fit the changelog with a markup filter, e.g. {{ version.changes | to_discord: ${L.content - 100} }} in content, or ${L.description - 96} in an embed's description.`;

export const discord: Destination = {
  name: 'discord',
  title: 'Discord',
  dialect: 'discord',
  limits: [
    { what: '`content`', limit: `${L.content}`, handling: 'not used' },
    { what: 'embed `title`', limit: `${L.title}`, handling: 'the title, cut' },
    {
      what: 'embed `description`',
      limit: `${L.description}`,
      handling: 'the changelog as Discord Markdown, cut between blocks'
    },
    { what: 'all embed text together', limit: `${L.embedTotal}`, handling: 'counted' },
    { what: 'embeds', limit: `${L.embeds}`, handling: 'one' },
    {
      what: 'embed `fields`',
      limit: `${L.fields} (name ${L.fieldName}, value ${L.fieldValue})`,
      handling: 'none'
    },
    {
      what: '`footer.text` / `author.name`',
      limit: `${L.footer} / ${L.author}`,
      handling: 'the size in the footer'
    },
    {
      what: '`username` / `thread_name`',
      limit: `${L.username} / ${L.threadName}`,
      handling: 'yours, checked'
    },
    {
      what: 'mentions',
      limit: '—',
      handling: '`allowed_mentions: {"parse": []}`: `@everyone` in notes pings nobody'
    }
  ],
  message(announcement, convert) {
    const title = cutLine(announcement.title, L.title);
    const footer = announcement.size ? `Size: ${announcement.size}` : '';
    const room = Math.min(L.description, L.embedTotal - title.length - footer.length);
    const description = convert(announcement.changes, {
      maxLength: room,
      moreUrl: announcement.link || undefined
    });
    const embed: Record<string, unknown> = { title };
    if (announcement.link) embed.url = announcement.link;
    if (description) embed.description = description;
    if (footer) embed.footer = { text: footer };
    return { embeds: [embed], allowed_mentions: { parse: [] } };
  },
  check(body) {
    const refusals: Refusal[] = [];
    if (!isRecord(body)) return [{ field: 'payload', message: 'Discord takes a JSON object' }];
    const content = textOf(body.content);
    const embeds = Array.isArray(body.embeds) ? body.embeds : [];
    if (!content.trim() && embeds.length === 0)
      refusals.push({ field: 'content', message: 'Discord needs `content` or `embeds`' });
    if (content.length > L.content)
      refusals.push(tooLong('content', content.length, L.content, FIX));
    const username = textOf(body.username);
    if (username.length > L.username)
      refusals.push(tooLong('username', username.length, L.username, 'Shorten it.'));
    const thread = textOf(body.thread_name);
    if (thread.length > L.threadName)
      refusals.push(tooLong('thread_name', thread.length, L.threadName, 'Shorten it.'));
    if (embeds.length > L.embeds)
      refusals.push({
        field: 'embeds',
        message: `${embeds.length} embeds; Discord takes at most ${L.embeds}`
      });
    embeds.forEach((embed, i) => refusals.push(...checkEmbed(embed, `embeds[${i}]`)));
    return refusals;
  },
  preview(body) {
    if (!isRecord(body)) return '';
    const embeds = (Array.isArray(body.embeds) ? body.embeds : []).filter(isRecord);
    return joinParts([
      textOf(body.content),
      ...embeds.map(embed =>
        joinParts([
          titleLine(textOf(embed.title), textOf(embed.url)),
          textOf(embed.description),
          isRecord(embed.footer) ? `_${textOf(embed.footer.text)}_` : ''
        ])
      )
    ]);
  },
  edit(url, body, id) {
    const edited = new URL(url);
    edited.searchParams.delete('wait');
    edited.pathname = `${edited.pathname.replace(/\/+$/, '')}/messages/${encodeURIComponent(id)}`;
    return { method: 'PATCH', url: edited.href, body: pick(body, EDITABLE) };
  },
  editGone: status => status === 404,
  url: url => {
    const parsed = new URL(url);
    if (!parsed.searchParams.has('wait')) parsed.searchParams.set('wait', 'true');
    return parsed.href;
  },
  answers: {
    messageId: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && typeof body.id === 'string' ? body.id : null;
    },
    retryAfterMs: answer => {
      const body = jsonBody(answer.body);
      const seconds = isRecord(body) ? body.retry_after : undefined;
      return typeof seconds === 'number' && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
    }
  }
};

function checkEmbed(embed: unknown, path: string): Refusal[] {
  if (!isRecord(embed)) return [{ field: path, message: 'an embed is a JSON object' }];
  const refusals: Refusal[] = [];
  const field = (name: string, value: string, limit: number) => {
    if (value.length > limit) refusals.push(tooLong(`${path}.${name}`, value.length, limit, FIX));
  };
  const title = textOf(embed.title);
  const description = textOf(embed.description);
  const footer = isRecord(embed.footer) ? textOf(embed.footer.text) : '';
  const author = isRecord(embed.author) ? textOf(embed.author.name) : '';
  field('title', title, L.title);
  field('description', description, L.description);
  field('footer.text', footer, L.footer);
  field('author.name', author, L.author);
  let total = title.length + description.length + footer.length + author.length;
  const fields = Array.isArray(embed.fields) ? embed.fields : [];
  if (fields.length > L.fields)
    refusals.push({
      field: `${path}.fields`,
      message: `${fields.length} fields; Discord takes at most ${L.fields}`
    });
  fields.forEach((item, i) => {
    const name = isRecord(item) ? textOf(item.name) : '';
    const value = isRecord(item) ? textOf(item.value) : '';
    field(`fields[${i}].name`, name, L.fieldName);
    field(`fields[${i}].value`, value, L.fieldValue);
    total += name.length + value.length;
  });
  if (total > L.embedTotal)
    refusals.push({
      field: path,
      message: `the embed's text is ${total} characters together; Discord allows ${L.embedTotal}. ${FIX}`
    });
  return refusals;
}

/** What an edit may change (Discord refuses `username`, `avatar_url`, `tts`, `thread_name`). */
const EDITABLE = [
  'content',
  'embeds',
  'allowed_mentions',
  'components',
  'attachments',
  'flags',
  'poll'
];

function pick(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => keys.includes(key)));
}
