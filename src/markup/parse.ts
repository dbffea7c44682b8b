// GitHub-Flavored Markdown → a Markdown syntax tree (mdast), parsed by markdown-it. markdown-it
// brings CommonMark, tables and strikethrough; task list items and autolink literals (the two
// GFM extensions it leaves to plugins) are read here, as GFM's spec defines them, while the
// tokens become tree nodes. markdown-it is chosen over micromark for its cold start: a run parses
// one changelog once, before V8 has compiled anything, and markdown-it's line-based block
// parser does that in a fraction of micromark's time (docs/performance.md).
import markdownIt, { type Token } from 'markdown-it';
import type {
  List,
  ListItem,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow
} from 'mdast';

let parser: ReturnType<typeof markdownIt> | undefined;

export function parseMarkdown(markdown: string): Root {
  // Raw HTML stays HTML (the writers drop tags and keep their text); linkify is off because its
  // unicode tables cost more to compile than the autolink literals below.
  if (!parser) {
    parser = markdownIt('default', { html: true, linkify: false });
    // URLs as written, as the writers expect them: they encode what their dialect needs.
    // markdown-it still refuses `javascript:` and the like (its validateLink).
    parser.normalizeLink = url => url;
    parser.normalizeLinkText = text => text;
  }
  const root: Root = { type: 'root', children: [] };
  blocks(parser.parse(markdown, {}), 0, root);
  return root;
}

/** Appends the blocks from `tokens[from]` to the close of `parent`; returns where it stopped. */
function blocks(tokens: Token[], from: number, parent: Parent): number {
  let i = from;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token.nesting === -1) return i + 1;
    i++;
    switch (token.type) {
      case 'paragraph_open':
        append(parent, { type: 'paragraph', children: phrasing(tokens[i].children ?? []) });
        i += 2;
        break;
      case 'heading_open':
        append(parent, {
          type: 'heading',
          depth: Number(token.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6,
          children: phrasing(tokens[i].children ?? [])
        });
        i += 2;
        break;
      case 'hr':
        append(parent, { type: 'thematicBreak' });
        break;
      case 'fence':
      case 'code_block':
        append(parent, {
          type: 'code',
          lang: token.info.trim().split(/\s/)[0] || null,
          value: token.content.replace(/\n$/, '')
        });
        break;
      case 'html_block':
        append(parent, { type: 'html', value: token.content.replace(/\n$/, '') });
        break;
      case 'blockquote_open': {
        const quote: Parent = { type: 'blockquote', children: [] } as Parent;
        i = blocks(tokens, i, quote);
        append(parent, quote as RootContent);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const list: List = { type: 'list', ordered, spread: false, children: [] };
        if (ordered) list.start = Number(token.attrGet('start') ?? 1);
        i = blocks(tokens, i, list as Parent);
        append(parent, list);
        break;
      }
      case 'list_item_open': {
        const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [] };
        i = blocks(tokens, i, item as Parent);
        markTask(item);
        append(parent, item);
        break;
      }
      case 'table_open': {
        const table: Table = { type: 'table', children: [] };
        i = tableRows(tokens, i, table);
        append(parent, table);
        break;
      }
      default:
        break;
    }
  }
  return i;
}

function append(parent: Parent, node: RootContent) {
  (parent.children as RootContent[]).push(node);
}

function tableRows(tokens: Token[], from: number, table: Table): number {
  let i = from;
  let row: TableRow | undefined;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const token = tokens[i];
    if (token.type === 'tr_open') table.children.push((row = { type: 'tableRow', children: [] }));
    else if (token.type === 'inline' && row) {
      const cell: TableCell = { type: 'tableCell', children: phrasing(token.children ?? []) };
      row.children.push(cell);
    }
  }
  return i + 1;
}

/** GFM's task list item: `[ ]` or `[x]` and a space at the start of the item's first paragraph. */
function markTask(item: ListItem) {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const text = first.children[0];
  if (text?.type !== 'text') return;
  const marker = /^\[([ \txX])\][ \t]+/.exec(text.value);
  // Something must follow the marker: in this text, or in the nodes after it (a link).
  if (!marker || (marker[0].length === text.value.length && first.children.length === 1)) return;
  item.checked = marker[1] === 'x' || marker[1] === 'X';
  text.value = text.value.slice(marker[0].length);
  if (!text.value) first.children.shift();
}

/** An image's description as text, as mdast's `alt` holds it. */
function plainText(token: Token): string {
  return (token.children ?? [])
    .map(child =>
      child.type === 'softbreak' ? '\n' : child.children ? plainText(child) : child.content
    )
    .join('');
}

/** Inline tokens → phrasing nodes; the open/close pairs become parents. */
function phrasing(tokens: Token[]): PhrasingContent[] {
  const root: { children: PhrasingContent[] } = { children: [] };
  const stack: { children: PhrasingContent[] }[] = [root];
  let inLink = 0;
  const add = (node: PhrasingContent) => stack[stack.length - 1].children.push(node);
  const open = (node: PhrasingContent & { children: PhrasingContent[] }) => {
    add(node);
    stack.push(node);
  };
  for (const token of tokens)
    switch (token.type) {
      case 'text':
        if (inLink) add({ type: 'text', value: token.content });
        else autolinkLiterals(token.content).flatMap(githubHandles).forEach(add);
        break;
      case 'softbreak':
        add({ type: 'text', value: '\n' });
        break;
      case 'hardbreak':
        add({ type: 'break' });
        break;
      case 'code_inline':
        add({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline':
        add({ type: 'html', value: token.content });
        break;
      case 'image':
        add({
          type: 'image',
          url: String(token.attrGet('src') ?? ''),
          alt: plainText(token),
          title: String(token.attrGet('title') ?? '') || null
        });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_open':
        inLink++;
        open({ type: 'link', url: String(token.attrGet('href') ?? ''), children: [] });
        break;
      case 'link_close':
        inLink--;
        stack.pop();
        break;
      case 'strong_close':
      case 'em_close':
      case 's_close':
        stack.pop();
        break;
      default:
        break;
    }
  return root.children;
}

// GFM's autolink literals (https://github.github.com/gfm/#autolinks-extension-): `www.` and
// `http(s)://` at the start of a line or after a space or `*_~(`, and e-mail addresses (not
// after a `/`, as in `@scope/name@1.2.3`).
const LITERAL =
  /(?<=^|[\s*_~(])(?:https?:\/\/|www\.)[^\s<]+|(?<![\w.+/-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?=$|[^\w@-])/g;
/** Dot-separated segments, no `_` in the last two; a `www.` or e-mail domain has a dot. */
const DOMAIN = /^[\w-]+(?:\.[\w-]+)*$/;

function autolinkLiterals(value: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(LITERAL)) {
    const literal = trimTrail(match[0]);
    const isEmail = !/^(?:https?:\/\/|www\.)/.test(literal);
    const domain = isEmail
      ? literal.slice(literal.indexOf('@') + 1)
      : literal.replace(/^https?:\/\//, '').split(/[/?#]/)[0];
    const needsDot = isEmail || literal.startsWith('www.');
    if (!isValidDomain(domain) || (needsDot && !domain.includes('.'))) continue;
    if (isEmail && /[-_]$/.test(literal)) continue;
    if (match.index > last) nodes.push({ type: 'text', value: value.slice(last, match.index) });
    const url = isEmail
      ? `mailto:${literal}`
      : literal.startsWith('www.')
        ? `http://${literal}`
        : literal;
    nodes.push({ type: 'link', url, children: [{ type: 'text', value: literal }] });
    last = match.index + literal.length;
  }
  if (last < value.length) nodes.push({ type: 'text', value: value.slice(last) });
  return nodes;
}

/**
 * A GitHub `@handle` (not in an e-mail address, nor a scope such as `@scope/name`): a text node
 * of its own that knows the handle, so each dialect can link the profile. The words chat services
 * read as mass mentions stay plain text; each destination's own rules handle them.
 */
const HANDLE = /(?<![\w@/.`-])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![\w/@-])/g;
const MASS_MENTIONS = new Set(['everyone', 'here', 'channel', 'all']);

function githubHandles(node: PhrasingContent): PhrasingContent[] {
  if (node.type !== 'text' || !node.value.includes('@')) return [node];
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(HANDLE)) {
    if (MASS_MENTIONS.has(match[1].toLowerCase())) continue;
    if (match.index > last)
      nodes.push({ type: 'text', value: node.value.slice(last, match.index) });
    nodes.push({ type: 'text', value: match[0], data: { githubHandle: match[1] } });
    last = match.index + match[0].length;
  }
  if (last < node.value.length) nodes.push({ type: 'text', value: node.value.slice(last) });
  return nodes;
}

function isValidDomain(domain: string): boolean {
  if (!DOMAIN.test(domain)) return false;
  return !domain.split('.').slice(-2).join('.').includes('_');
}

/**
 * GFM's extended autolink path validation: trailing punctuation, an unbalanced `)`, a trailing
 * entity-like `&name;` are not part of the link. In one pass, whatever the literal's length.
 */
function trimTrail(literal: string): string {
  let open = 0;
  let close = 0;
  for (let i = 0; i < literal.length; i++)
    if (literal[i] === '(') open++;
    else if (literal[i] === ')') close++;
  let end = literal.length;
  while (end > 0) {
    const last = literal[end - 1];
    if ('?!.,:*_~'.includes(last)) end--;
    else if (last === ')' && open < close) {
      end--;
      close--;
    } else if (last === ';') {
      let start = end - 1;
      while (start > 0 && /[a-zA-Z0-9]/.test(literal[start - 1])) start--;
      if (start === end - 1 || literal[start - 1] !== '&') break;
      end = start - 1;
    } else break;
  }
  return literal.slice(0, end);
}
