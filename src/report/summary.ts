// The job summary: a table of outcomes, and in a dry run each request in a collapsible block.
import type { WebhookResult } from './results.js';

export interface SummaryInput {
  results: WebhookResult[];
  dryRun: boolean;
  configFile: string;
  event: string;
  /** Masked request text per result, dry run only. */
  requests: Map<WebhookResult, string>;
}

export function summaryMarkdown(input: SummaryInput): string {
  const title = input.dryRun ? 'Release webhooks — test run (nothing sent)' : 'Release webhooks';
  const rows = input.results.map(r =>
    [
      cell(r.name),
      cell(`${r.method} ${r.url}`, true),
      outcome(r, input.dryRun),
      r.attempts > 0 ? String(r.attempts) : '',
      r.attempts > 0 ? `${r.duration_ms} ms` : ''
    ].join(' | ')
  );
  const parts = [
    `### ${title}`,
    '',
    `Event \`${input.event}\` · config \`${input.configFile}\``,
    '',
    '| Webhook | Request | Result | Attempts | Time |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(row => `| ${row} |`)
  ];
  for (const [result, text] of input.requests) {
    parts.push(
      '',
      `<details><summary>${escapeHtml(result.name)}</summary>`,
      '',
      fenced(text),
      '',
      '</details>'
    );
  }
  return parts.join('\n') + '\n';
}

function outcome(result: WebhookResult, dryRun: boolean): string {
  if (result.error) return `❌ ${cell(result.error)}`;
  if (result.skipped) return `⏭️ skipped: ${cell(result.skipped)}`;
  if (dryRun) return '✅ renders';
  return `✅ ${result.status}`;
}

function cell(text: string, code = false): string {
  const escaped = text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return code ? `\`${escaped.replace(/`/g, "'")}\`` : escaped;
}

function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(m => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}http\n${text}\n${fence}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
