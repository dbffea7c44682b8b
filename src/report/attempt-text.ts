// One line per delivery attempt, and the start of the answer when there is one.
import type { AttemptReport } from '../deliver/deliver.js';
import { isSuccess, seconds } from '../http-facts.js';
import type { SecretMasker } from '../secrets.js';

/** How much of an answer the log shows. */
const ANSWER_EXCERPT = 1024;

/** The attempt's line, masked: the answer is masked whole before it is folded and cut. */
export function attemptText(report: AttemptReport, masker: SecretMasker): string {
  const { job, attempt, request } = report;
  const answer =
    report.status !== undefined
      ? `${report.status} ${report.statusText ?? ''}`.trim()
      : report.error;
  const next = report.retryInMs !== undefined ? `; retrying in ${seconds(report.retryInMs)}` : '';
  const lines = [
    masker.mask(
      `${attemptSucceeded(report) ? '✓' : '✗'} ${job.name}: ${report.step ? `${report.step}: ` : ''}${request.method} ${request.url} → ${answer} (attempt ${attempt})${next}`
    )
  ];
  if (report.bodyExcerpt) {
    const excerpt = masker.mask(report.bodyExcerpt).replace(/\s+/g, ' ').trim();
    lines.push(`  response: ${excerpt.slice(0, ANSWER_EXCERPT)}`);
  }
  return lines.join('\n');
}

export function attemptSucceeded(report: AttemptReport): boolean {
  return report.status !== undefined && isSuccess(report.status);
}
