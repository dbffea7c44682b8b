// A job summary as GitHub shows it: GitHub-Flavored Markdown rendered to HTML (micromark with
// GFM, raw HTML allowed as GitHub allows it before sanitising), then read as text a person sees.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function renderMarkdown(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  });
}

/** The cells of each table row, as text. */
export function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr>([^]*?)<\/tr>/g)].map(([, row]) =>
    [...row.matchAll(/<t[dh][^>]*>([^]*?)<\/t[dh]>/g)].map(([, cell]) => textOf(cell))
  );
}

export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
