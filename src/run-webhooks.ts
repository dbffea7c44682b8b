// The shared engine of the action and the CLI: (config, context) → plan → preview or delivery →
// results. Output goes through a small reporter so each front end prints its own way.
import { randomUUID } from './crypto.js';
import type { WebhookDefinition, WebhooksConfig } from './config/types.js';
import type { VersionContext } from './context/types.js';
import { shownAttempt } from './deliver/attempt.js';
import { deliverAll, type AttemptReport, type DeliveryJob } from './deliver/deliver.js';
import { DELIVERY_KEEP_BYTES, exchange } from './net/exchange.js';
import type { Signing } from './deliver/sign.js';
import { DEFAULT_BACKOFF, sleep } from './net/retry.js';
import type { EventName } from './events.js';
import { planWebhooks, type PlannedWebhook, type TestMode } from './plan.js';
import { formatProblem, type Problem } from './problems.js';
import { requestText } from './report/request-text.js';
import {
  deliveredResult,
  failedResult,
  previewResult,
  skippedResult,
  type WebhookResult
} from './report/results.js';
import type { SecretMasker } from './secrets.js';
import { USER_AGENT } from './version.js';

export interface RunOptions {
  config: WebhooksConfig;
  context: VersionContext;
  event: EventName;
  only: string[];
  test: TestMode;
  timeoutSeconds: number;
  retries: number;
  concurrency: number;
}

export interface RunReporter {
  /** A rendered signing key: a secret to mask before anything is printed. */
  protect(secret: string): void;
  /** Dry run: one request as it would be sent, already masked. */
  preview(name: string, title: string, text: string): void;
  /** Delivery: one attempt's outcome. */
  attempt(report: AttemptReport): void;
}

export interface RunOutcome {
  results: WebhookResult[];
  /** Render problems: when any, nothing was sent. */
  problems: Problem[];
  /** Dry run: the masked request text of each previewed result, by position in `results`. */
  requests: Array<string | undefined>;
}

export async function runWebhooks(
  options: RunOptions,
  masker: SecretMasker,
  reporter: RunReporter
): Promise<RunOutcome> {
  const planned = await planWebhooks(options.config, options.context, {
    event: options.event,
    only: options.only,
    test: options.test,
    userAgent: USER_AGENT
  });
  for (const { outcome } of planned) {
    if (outcome.kind === 'ready' && outcome.signingKey) reporter.protect(outcome.signingKey);
  }

  // Every webhook renders before anything is sent: one broken template sends nothing.
  const problems = planned.flatMap(p => (p.outcome.kind === 'failed' ? p.outcome.problems : []));
  let results: WebhookResult[];
  let requests: Array<string | undefined> = [];
  if (options.test === 'dry-run') {
    const previews = planned.map(p => preview(p, options.event, masker, reporter));
    results = previews.map(p => p.result);
    requests = previews.map(p => p.text);
  } else if (problems.length > 0) {
    results = planned.map(p => notSentResult(p, options.event));
  } else {
    results = await deliverPlanned(planned, options, reporter);
  }
  return { results, problems, requests };
}

function commonFields(planned: PlannedWebhook, event: EventName) {
  const request = planned.outcome.kind === 'ready' ? planned.outcome.request : undefined;
  return {
    name: planned.definition.name,
    event,
    method: planned.definition.method,
    url: request?.shown.url ?? '',
    continueOnError: planned.definition.continueOnError
  };
}

function notSentResult(planned: PlannedWebhook, event: EventName): WebhookResult {
  const common = commonFields(planned, event);
  if (planned.outcome.kind === 'failed')
    return failedResult(common, planned.outcome.problems.map(formatProblem).join('; '));
  if (planned.outcome.kind === 'skipped') return skippedResult(common, planned.outcome.reason);
  return failedResult(common, 'not sent: another webhook failed to render');
}

function preview(
  planned: PlannedWebhook,
  event: EventName,
  masker: SecretMasker,
  reporter: RunReporter
): { result: WebhookResult; text?: string } {
  if (planned.outcome.kind !== 'ready') return { result: notSentResult(planned, event) };
  const { request, signingKey } = planned.outcome;
  const shown = shownAttempt(
    request,
    randomUUID(),
    Math.floor(Date.now() / 1000),
    signingOf(planned.definition, signingKey)
  );
  const text = requestText(shown, masker);
  const name = planned.definition.name;
  reporter.preview(name, masker.mask(`${name}: ${shown.method} ${shown.url}`), text);
  return { result: previewResult(commonFields(planned, event), shown), text };
}

function signingOf(definition: WebhookDefinition, key: string | undefined): Signing | undefined {
  return key ? { scheme: definition.signature, secret: key } : undefined;
}

async function deliverPlanned(
  planned: PlannedWebhook[],
  options: RunOptions,
  reporter: RunReporter
): Promise<WebhookResult[]> {
  const ready = planned.filter(p => p.outcome.kind === 'ready');
  const jobs: DeliveryJob[] = ready.map(p => {
    const outcome = p.outcome as Extract<PlannedWebhook['outcome'], { kind: 'ready' }>;
    return {
      name: p.definition.name,
      request: outcome.request,
      signing: signingOf(p.definition, outcome.signingKey),
      timeoutMs: (p.definition.timeout ?? options.timeoutSeconds) * 1000,
      policy: {
        ...DEFAULT_BACKOFF,
        retries: p.definition.retries ?? options.retries,
        random: Math.random
      }
    };
  });
  const outcomes = await deliverAll(jobs, options.concurrency, {
    send: (request, timeoutMs) => exchange(request, { timeoutMs, keepBytes: DELIVERY_KEEP_BYTES }),
    sleep,
    now: () => Date.now(),
    onAttempt: report => reporter.attempt(report)
  });
  return planned.map(p => {
    const index = ready.indexOf(p);
    if (index < 0) return notSentResult(p, options.event);
    return deliveredResult(commonFields(p, options.event), outcomes[index]);
  });
}
