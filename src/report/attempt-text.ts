// One line per delivery attempt, and the start of the answer when there is one.
import type { AttemptReport } from '../deliver/deliver.js';
import { seconds } from '../deliver/http.js';

export function attemptText(report: AttemptReport): string {
  const { job, attempt } = report;
  const answer =
    report.status !== undefined
      ? `${report.status} ${report.statusText ?? ''}`.trim()
      : report.error;
  const next = report.retryInMs !== undefined ? `; retrying in ${seconds(report.retryInMs)}` : '';
  const lines = [
    `${attemptSucceeded(report) ? '✓' : '✗'} ${job.name}: ${job.request.method} ${job.request.url} → ${answer} (attempt ${attempt})${next}`
  ];
  if (report.bodyExcerpt)
    lines.push(`  response: ${report.bodyExcerpt.replace(/\s+/g, ' ').trim()}`);
  return lines.join('\n');
}

export function attemptSucceeded(report: AttemptReport): boolean {
  return report.status !== undefined && report.status >= 200 && report.status < 300;
}
