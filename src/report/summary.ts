// The job summary: a table of outcomes, and in a dry run each request in a collapsible block.
// Everything in it that came from a receiver or a template is escaped: it cannot add Markdown
// or HTML. Input values are masked already.
import { cutText, SHOWN_BODY_LIMIT, SUMMARY_LIMIT } from './cut.js';
import type { WebhookReport, WebhookResult } from './results.js';

export interface SummaryInput {
  /** Masked already. */
  reports: WebhookReport[];
  dryRun: boolean;
  configFile: string;
  event: string;
  /** `Space Game 2.3.0`: the app and version announced (masked). */
  announced: string;
  /** Said instead of an empty table. */
  nobodyListens: string;
}

export function summaryMarkdown(input: SummaryInput): string {
  const title = input.dryRun ? 'Release webhooks — test run (nothing sent)' : 'Release webhooks';
  const rows = input.reports.map(({ result: r, continueOnError }) =>
    [
      markdownText(r.name),
      codeSpan(`${r.method} ${r.url}`),
      outcome(r, input.dryRun, continueOnError),
      r.attempts > 0 ? String(r.attempts) : '',
      r.attempts > 0 ? `${r.duration_ms} ms` : ''
    ].join(' | ')
  );
  const what = input.announced ? `**${markdownText(input.announced)}**` : 'a version';
  const parts = [
    `### ${title}`,
    '',
    `${input.dryRun ? 'Would announce' : 'Announced'} ${what} · event ${codeSpan(input.event)} · config ${codeSpan(input.configFile)}`,
    ''
  ];
  if (rows.length === 0) parts.push(markdownText(input.nobodyListens));
  else
    parts.push(
      '| Webhook | Request | Result | Attempts | Time |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map(row => `| ${row} |`)
    );
  let size = byteLength(parts.join('\n'));
  const blocks = input.reports.flatMap(({ result, requestText, message }) =>
    requestText === undefined
      ? []
      : [
          (message ? messageBlock(result.name, message) : '') +
            requestBlock(result.name, requestText)
        ]
  );
  const notShown = blocks.findIndex(block => {
    size += byteLength(block) + 1;
    return size > SUMMARY_LIMIT - 1024;
  });
  const shown = notShown < 0 ? blocks : blocks.slice(0, notShown);
  parts.push(...shown);
  if (shown.length < blocks.length)
    parts.push(
      '',
      `${blocks.length - shown.length} more request(s) not shown: a job summary holds at most 1 MiB. The log shows every request.`
    );
  return parts.join('\n') + '\n';
}

/**
 * A destination's message as people will read it: its GitHub Markdown inside a quote. Markdown
 * renders; raw HTML cannot (every `<` is an entity), and the quote holds every line.
 */
function messageBlock(name: string, message: string): string {
  const quoted = cutText(message, SHOWN_BODY_LIMIT)
    .replace(/</g, '&lt;')
    .split(/\r?\n|\r/)
    .map(line => (line ? `> ${line}` : '>'))
    .join('\n');
  return ['', `**${markdownText(name)}** will read:`, '', quoted].join('\n');
}

function requestBlock(name: string, text: string): string {
  return [
    '',
    `<details><summary>${escapeHtml(name)}</summary>`,
    '',
    fenced(cutText(text, SHOWN_BODY_LIMIT)),
    '',
    '</details>'
  ].join('\n');
}

function outcome(result: WebhookResult, dryRun: boolean, continueOnError: boolean): string {
  if (result.error)
    return continueOnError
      ? `⚠️ ${markdownText(result.error)} (continue-on-error)`
      : `❌ ${markdownText(result.error)}`;
  if (result.skipped) return `⏭️ skipped: ${markdownText(result.skipped)}`;
  if (dryRun) return '✅ renders';
  return `✅ ${result.status}`;
}

/**
 * Text that reads as itself in a table cell: every ASCII punctuation mark escaped (CommonMark
 * renders an escaped one as itself, and `& < > "` as entities), so no link, image, HTML,
 * emphasis or cell break can start.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[!#-%'-/:;=?@[-`{-~]/g, '\\$&')
    .replace(/[&<>"]/g, char => HTML_ENTITIES[char]);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;'
};

/** A code span that no backtick or pipe in the text can close or split. */
function codeSpan(text: string): string {
  const escaped = text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|');
  return `\`${escaped}\``;
}

function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(m => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}http\n${text}\n${fence}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
