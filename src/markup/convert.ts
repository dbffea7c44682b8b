// GitHub-Flavored Markdown → a destination's dialect, through a real Markdown parser (markdown-it,
// ./parse.ts) and one writer per dialect over the syntax tree. Cutting happens between blocks,
// list items or table rows, never inside markup. A file of its own in the bundle (markup.js),
// loaded only by a run that has a destination or a markup filter.
import type {
  Blockquote,
  Code,
  Heading,
  Html,
  List,
  ListItem,
  Nodes,
  PhrasingContent,
  RootContent,
  Table
} from 'mdast';
import { percentDecoded } from '../http-facts.js';
import { DIALECTS, type Dialect, type Style } from './dialects.js';
import { parseMarkdown } from './parse.js';

export type { Dialect } from './dialects.js';
export { DIALECT_NAMES } from './dialects.js';

/** A piece the text may be cut after: a block, a line of a paragraph, a list item, a table row. */
interface Unit {
  text: string;
  /** What goes before it when it follows another unit. */
  separator: string;
  /** The unit as plain text, for a unit too long to keep whole. */
  plain: string;
  /** The most of the unit that fits `room`, when it has a better cut than its plain text's. */
  part?(room: number, measure: (text: string) => number): string;
}

export interface ConvertOptions {
  /** The longest output, markup included, in UTF-16 code units. */
  maxLength?: number;
  /** Where the full notes are, linked after `…` when the text is cut. */
  moreUrl?: string;
  /** How length is measured (default UTF-16 code units). */
  measure?: (text: string) => number;
  /** The GitHub server whose profiles `@handle`s link to (default https://github.com). */
  serverUrl?: string;
}

/** What the converter reads of a changelog with no length limit (SPEC §13). */
export const MAX_MARKDOWN_INPUT = 256 * 1024;

export function convertMarkdown(markdown: string, dialect: Dialect, options: ConvertOptions = {}) {
  const base = DIALECTS[dialect];
  // A `@handle` links its GitHub profile wherever the dialect has links: text, never a mention.
  const server = (options.serverUrl || 'https://github.com').replace(/\/+$/, '');
  const style: Style =
    dialect === 'text'
      ? base
      : { ...base, handle: (text, handle) => base.link(text, `${server}/${handle}`) };
  const text = boundedInput(markdown.replace(/\r\n?/g, '\n'), options.maxLength);
  return fit(unitsOf(text, style), style, options);
}

/**
 * A cut output of `maxLength` needs no more of the text than a prefix half as long again and some
 * (for the markup the output drops), ending at a line break, and the link definitions written
 * after it (`[label]: url`) that the prefix may use: those go first, where they print nothing.
 */
function boundedInput(text: string, maxLength: number | undefined): string {
  const limit = Math.min(
    MAX_MARKDOWN_INPUT,
    maxLength === undefined ? Infinity : Math.ceil(maxLength * 1.5) + 2048
  );
  if (text.length <= limit) return text;
  const lineEnd = text.lastIndexOf('\n', limit);
  const end = lineEnd > 0 ? lineEnd : limit;
  const later = linkDefinitions(text)
    .filter(definition => definition.at >= end)
    .slice(0, 1_000)
    .map(definition => definition.line);
  return `${later.join('\n')}\n\n${text.slice(0, end)}`;
}

/**
 * The lines that matter for link definitions, found by one scan of the text: a code fence
 * (group 1: its marker, group 2: what follows it) or a definition on one line (group 3: its
 * label).
 */
const FENCE_OR_DEFINITION =
  /^ {0,3}(?:(`{3,}|~{3,})([^\n]*)|\[((?:[^[\]\\\n]|\\.){1,999})\]:[ \t]*\S[^\n]*)$/gm;

/** The first definition of each label, outside code fences. */
function linkDefinitions(text: string): Array<{ at: number; line: string }> {
  const found = new Map<string, { at: number; line: string }>();
  if (!text.includes(']:')) return [];
  let fence: string | undefined;
  for (const match of text.matchAll(FENCE_OR_DEFINITION)) {
    const [line, marker, after, label] = match;
    if (marker !== undefined) {
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && !after.trim())
        fence = undefined;
    } else if (!fence && label !== undefined && !found.has(normalizedLabel(label))) {
      found.set(normalizedLabel(label), { at: match.index, line });
    }
  }
  return [...found.values()];
}

function unitsOf(markdown: string, style: Style): Unit[] {
  return blockUnits(parseMarkdown(markdown), style, '\n\n');
}

function joined(units: Unit[]): string {
  return units.map((unit, i) => (i === 0 ? unit.text : unit.separator + unit.text)).join('');
}

function fit(units: Unit[], style: Style, options: ConvertOptions): string {
  const measure = options.measure ?? ((text: string) => text.length);
  const whole = joined(units);
  if (options.maxLength === undefined || measure(whole) <= options.maxLength) return whole;

  const ending = `\n…${options.moreUrl ? ` ${style.link('full notes', options.moreUrl)}` : ''}`;
  const room = options.maxLength - measure(ending);
  let output = '';
  for (const [i, unit] of units.entries()) {
    const separator = i === 0 ? '' : unit.separator;
    if (measure(output + separator + unit.text) <= room) {
      output += separator + unit.text;
      continue;
    }
    // The unit does not fit whole: as much of it as fits, cut at a line, else a sentence, else
    // a word, so that a long changelog uses the room (SPEC §12, Fidelity).
    const left = room - measure(output + separator);
    const part =
      left > 0 ? (unit.part?.(left, measure) ?? cutPlain(unit.plain, style, left, measure)) : '';
    if (part.trim()) output += separator + part;
    break;
  }
  if (measure(output + ending) > options.maxLength)
    return cutPlain(output, style, options.maxLength, measure);
  return output + ending;
}

/**
 * The longest start of a plain text that fits `room` once escaped, cut at its last line break,
 * else its last sentence, else its last word, whichever keeps most of what fits; never inside a
 * surrogate pair, and escaped as a whole, so never inside an escape or an entity.
 */
function cutPlain(
  text: string,
  style: Style,
  room: number,
  measure: (t: string) => number
): string {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(style.escape(text.slice(0, middle))) <= room) low = middle;
    else high = middle - 1;
  }
  let end = low;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  if (end < text.length) end = boundaryBefore(text, end);
  return style.escape(text.slice(0, end)).trimEnd();
}

const SENTENCE_END = /[.!?。！？](?=\s)/g;

/** Where to cut before `end`: a line break, else a sentence's end, else a space, near `end`. */
function boundaryBefore(text: string, end: number): number {
  const keep = (at: number, share: number) => at > 0 && at >= end * share;
  const line = text.lastIndexOf('\n', end);
  if (keep(line, 0.85)) return line;
  let sentenceEnd = -1;
  for (const match of text.slice(0, end).matchAll(SENTENCE_END)) sentenceEnd = match.index + 1;
  if (keep(sentenceEnd, 0.85)) return sentenceEnd;
  const space = text.lastIndexOf(' ', end);
  if (keep(space, 0.7)) return space;
  return end;
}

function blockUnits(parent: { children: RootContent[] }, style: Style, separator: string): Unit[] {
  const units: Unit[] = [];
  for (const node of parent.children) {
    const produced = blockUnit(node, style);
    produced.forEach((unit, i) => units.push(i === 0 ? { ...unit, separator } : unit));
  }
  return units;
}

function blockUnit(node: RootContent, style: Style): Unit[] {
  switch (node.type) {
    case 'paragraph':
      return lineUnits(node.children, style);
    case 'heading':
      return [
        unit(style.heading(inline((node as Heading).children, style), node.depth), plainOf(node))
      ];
    case 'thematicBreak':
      return [unit(style.rule, '')];
    case 'code':
      return [codeUnit(node as Code, style)];
    case 'blockquote':
      return [unit(style.quote(blockText((node as Blockquote).children, style)), plainOf(node))];
    case 'list':
      return listUnits(node as List, style, '');
    case 'table':
      return tableUnits(node as Table, style);
    case 'html': {
      const text = htmlText((node as Html).value);
      return text ? [unit(style.escape(text), text)] : [];
    }
    default: {
      const text = plainOf(node);
      return text ? [unit(style.escape(text), text)] : [];
    }
  }
}

function unit(text: string, plain: string, separator = '\n\n'): Unit {
  return { text, plain, separator };
}

/** A paragraph, a unit per line (a long plain-text changelog is one paragraph of many lines). */
function lineUnits(children: PhrasingContent[], style: Style): Unit[] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children)
    if ((child.type === 'text' && child.value === '\n') || child.type === 'break') lines.push([]);
    else lines[lines.length - 1].push(child);
  return lines
    .filter(line => line.length > 0)
    .map(line => unit(inline(line, style), line.map(plainOf).join(''), '\n'));
}

/** A code block, cut between its lines and closed again when it does not fit. */
function codeUnit(code: Code, style: Style): Unit {
  const language = code.lang ?? '';
  return {
    ...unit(style.codeBlock(code.value, language), code.value),
    part(room, measure) {
      const lines = code.value.split('\n');
      let low = 0;
      let high = lines.length;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (measure(style.codeBlock(lines.slice(0, middle).join('\n'), language)) <= room)
          low = middle;
        else high = middle - 1;
      }
      return low > 0 ? style.codeBlock(lines.slice(0, low).join('\n'), language) : '';
    }
  };
}

/** Blocks written one after the other, as the inside of a quote or a list item. */
function blockText(children: RootContent[], style: Style): string {
  return blockUnits({ children }, style, '\n')
    .map((u, i) => (i === 0 ? u.text : u.separator + u.text))
    .join('');
}

function listUnits(list: List, style: Style, indent: string): Unit[] {
  return list.children.map((item: ListItem, i) => {
    const number = list.ordered ? (list.start ?? 1) + i : undefined;
    const [first, ...rest] = item.children;
    const lead = first?.type === 'paragraph' ? inline(first.children, style) : '';
    // Code keeps its own indentation: indenting it would change the code.
    const nested = (first?.type === 'paragraph' ? rest : item.children).flatMap(child =>
      child.type === 'list'
        ? listUnits(child, style, `${indent}  `).map(u => u.text)
        : child.type === 'code'
          ? [blockText([child], style)]
          : [indentLines(blockText([child], style), `${indent}  `)]
    );
    const line = `${indent}${style.listItem(lead, number, item.checked ?? null)}`;
    return unit([line, ...nested].join('\n'), plainOf(item), '\n');
  });
}

function tableUnits(table: Table, style: Style): Unit[] {
  return table.children.map((row, i) => {
    const cells = row.children.map(cell => inline(cell.children, style));
    const text = style.tableRow(cells, i === 0);
    return unit(text, row.children.map(plainOf).join(' · '), '\n');
  });
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map(line => indent + line)
    .join('\n');
}

function inline(children: PhrasingContent[], style: Style): string {
  return children.map((child, i) => phrasing(child, style, endsBareLink(children[i + 1]))).join('');
}

/** Whether what follows a bare address cannot be read as part of it (end, space, punctuation). */
function endsBareLink(next: PhrasingContent | undefined): boolean {
  if (!next || next.type === 'break') return true;
  return next.type === 'text' && /^(?:$|[\s.,:;!?)])/.test(next.value);
}

function phrasing(node: PhrasingContent, style: Style, bareLinkEnds = true): string {
  switch (node.type) {
    case 'text': {
      const handle = (node.data as { githubHandle?: string } | undefined)?.githubHandle;
      return handle && style.handle
        ? style.handle(style.escape(node.value), handle)
        : style.escape(node.value);
    }
    case 'strong':
      return style.strong(inline(node.children, style));
    case 'emphasis':
      return style.emphasis(inline(node.children, style));
    case 'delete':
      return style.strike(inline(node.children, style));
    case 'inlineCode':
      return style.inlineCode(node.value);
    case 'break':
      return '\n';
    case 'link':
      // Only web and mail addresses become links: `[x](!channel)` or `[x](@U123)` would be a
      // mention in Slack and Google Chat, and a scheme-less target a broken link anywhere.
      if (!isLinkable(node.url)) return inline(node.children, style);
      // A link that shows its own address (a pasted URL, `<https://…>`) is written as the bare
      // address where the destination links one: half the length, the same link.
      if (style.bareLink && bareLinkEnds && plainOf(node) === node.url)
        return style.bareLink(node.url);
      // A link's text is text and emphasis: an image in it (a badge) is its description, code
      // is its text (a link cannot hold a link, and Telegram's cannot hold code either).
      return style.link(
        inline(
          node.children.map(child =>
            child.type === 'image'
              ? { type: 'text', value: imageName(child) }
              : child.type === 'inlineCode'
                ? { type: 'text', value: child.value }
                : child
          ),
          style
        ).replace(/\s*\n\s*/g, ' '),
        node.url
      );
    case 'image':
      return isLinkable(node.url)
        ? style.link(style.escape(imageName(node)), node.url)
        : style.escape(imageName(node));
    case 'html':
      // Element tags (`<kbd>`, `</sub>`) are dropped, their text kept; anything else that reads
      // as HTML (`<!channel>`, `<@user>`) is text, escaped for the destination.
      if (/^<br\s*\/?>$/i.test(node.value)) return '\n';
      return /^<\/?[a-zA-Z][\w-]*(\s[^>]*)?\/?>$/.test(node.value) ? '' : style.escape(node.value);
    default:
      return style.escape(plainOf(node));
  }
}

/** The text of a node with its markup dropped. */
function plainOf(node: Nodes): string {
  if (node.type === 'html') return htmlText(node.value);
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node)
    return (node.children as Nodes[])
      .map(plainOf)
      .join(node.type === 'list' || node.type === 'root' ? '\n' : '');
  return '';
}

/**
 * What raw HTML (`<details>`, `<summary>`, tables, `<img>`) says, without its tags or comments,
 * in one pass: each search starts where the last ended, and a search that fails ends the scan (an
 * unclosed comment hides the rest; a `<` with no `>` after it is text). Block ends are line
 * breaks, a table reads row by row with its cells apart, an image is its alt text, and the
 * source's line breaks and indentation are white space, as HTML shows them.
 */
function htmlText(html: string): string {
  let text = '';
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) {
      text += spaced(html.slice(at));
      break;
    }
    text += spaced(html.slice(at, open));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      if (end < 0) break;
      at = end + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close < 0) {
      text += spaced(html.slice(open));
      break;
    }
    text += tagText(html.slice(open, close + 1));
    at = close + 1;
  }
  return decodeEntities(text)
    .split('\n')
    .map(line => withoutEdgeSeparators(line.replace(/ {2,}/g, ' ')))
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Source text as HTML shows it: a run of white space, line breaks included, is one space. */
function spaced(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A line without the spaces and cell separators at its ends (a loop: no backtracking). */
function withoutEdgeSeparators(line: string): string {
  const edge = (char: string | undefined) => char === ' ' || char === '·';
  let start = 0;
  let end = line.length;
  while (start < end && edge(line[start])) start++;
  while (end > start && edge(line[end - 1])) end--;
  return line.slice(start, end);
}

const LINE_ENDING_TAGS =
  /^<(?:br|\/(?:p|div|tr|li|h[1-6]|summary|details|table|ul|ol|blockquote|pre))\b/i;

/** What a tag stands for in text: a line break, a cell's end, an image's name, or nothing. */
function tagText(tag: string): string {
  if (LINE_ENDING_TAGS.test(tag)) return '\n';
  if (/^<\/t[dh]\b/i.test(tag)) return ' · ';
  if (/^<img\b/i.test(tag)) {
    const attribute = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
        .exec(tag)
        ?.slice(1)
        .find(v => v !== undefined);
    return ` ${imageName({ alt: attribute('alt'), title: attribute('title'), url: attribute('src') ?? '' })} `;
  }
  return '';
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function isLinkable(url: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(url);
}

/** What an image is called: its alt text, else its title, else its file's name. */
function imageName(image: { alt?: string | null; title?: string | null; url: string }): string {
  const path = image.url.split(/[?#]/, 1)[0];
  const file = path.slice(path.lastIndexOf('/') + 1);
  return image.alt || image.title || percentDecoded(file) || 'image';
}

/** A label as CommonMark matches labels: case-folded, spaces collapsed. */
function normalizedLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}
