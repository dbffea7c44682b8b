// The shared engine of the action and the CLI: (config, context) → plan → preview or delivery →
// results. Output goes through a small reporter so each front end prints its own way.
import type { WebhookDefinition, WebhooksConfig } from './config/types.js';
import type { VersionContext } from './context/types.js';
import { shownAttempt } from './deliver/attempt.js';
import {
  deliverAll,
  type AttemptReport,
  type DeliveryDeps,
  type DeliveryJob
} from './deliver/deliver.js';
import { DELIVERY_KEEP_BYTES, exchange, TransportError, type HttpAnswer } from './net/exchange.js';
import type { Signing } from './deliver/sign.js';
import type { DeliveredWebhook, RecordPlace } from './deliver/record.js';
import { DEFAULT_BACKOFF, sleep } from './net/retry.js';
import type { EventName } from './events.js';
import {
  planWebhooks,
  type PlannedWebhook,
  type SecretAccess,
  type SettingNames,
  type TestMode
} from './plan.js';
import { formatProblem, type Problem } from './problems.js';
import {
  placeholderValues,
  type RenderedRequest,
  type RenderOutcome,
  type RequestStep
} from './render/request.js';
import { requestText } from './report/request-text.js';
import {
  deliveredResult,
  failedResult,
  previewResult,
  skippedResult,
  type WebhookReport,
  type WebhookResult
} from './report/results.js';
import type { SecretMasker } from './secrets.js';
import { USER_AGENT } from './version.js';

export interface RunOptions {
  config: WebhooksConfig;
  context: VersionContext;
  event: EventName;
  only: string[];
  /** How the front end names its settings in errors. */
  settingNames?: SettingNames;
  test: TestMode;
  /** What a dry run knows of the repository's secrets. */
  secretAccess?: SecretAccess;
  timeoutSeconds: number;
  retries: number;
  concurrency: number;
  /** Where a workflow run keeps its delivery record (the action only; SPEC §15). */
  record?: RecordSettings;
  /** Webhook name → the id of the message to edit, for webhooks with `update: true`. */
  messageIds?: Record<string, string>;
  /** The `github-token` input (`to: github-discussions` posts with it by default). */
  githubToken?: string;
}

export interface RecordSettings extends RecordPlace {
  /** Send again what an earlier attempt delivered. */
  resend: boolean;
  /** The runner names a cache service (what @actions/cache looks for). */
  serviceAvailable: boolean;
}

export interface RunReporter {
  /** A rendered signing key: a secret to mask before anything is printed. */
  protect(secret: string): void;
  /** Dry run: one request as it would be sent, already masked. */
  preview(name: string, title: string, text: string): void;
  /** Delivery: one attempt's outcome. */
  attempt(report: AttemptReport): void;
  /** Something a person may want to know (a record that could not be kept). */
  warning(message: string): void;
  debug(message: string): void;
}

export interface RunOutcome {
  /** In config order. */
  reports: WebhookReport[];
  /** Render problems: when any, nothing was sent. */
  problems: Problem[];
  /** Secrets a dry run read that it does not have (rendered as `***NAME***`), sorted. */
  missingSecrets: string[];
}

export async function runWebhooks(
  options: RunOptions,
  masker: SecretMasker,
  reporter: RunReporter
): Promise<RunOutcome> {
  const missingSecrets = new Set<string>();
  const secretDerived = new Set<string>();
  const planned = await planWebhooks(options.config, options.context, {
    event: options.event,
    only: options.only,
    settingNames: options.settingNames,
    test: options.test,
    userAgent: USER_AGENT,
    secretAccess: options.secretAccess,
    missingSecrets,
    secretDerived,
    githubToken: options.githubToken
  });
  // What a secret made (a slice, an encoding) is masked wherever the run prints it.
  for (const value of secretDerived) reporter.protect(value);
  for (const { outcome } of planned)
    if (outcome.kind === 'ready' && outcome.signingKey) reporter.protect(outcome.signingKey);

  // Every webhook renders before anything is sent: one broken template sends nothing.
  const problems = planned.flatMap(p => (p.outcome.kind === 'failed' ? p.outcome.problems : []));
  let reports: WebhookReport[];
  if (options.test === 'dry-run') reports = planned.map(p => preview(p, options, masker, reporter));
  else if (problems.length > 0) reports = planned.map(p => notSent(p, options.event));
  else reports = await deliverPlanned(planned, options, masker, reporter);
  return { reports, problems, missingSecrets: [...missingSecrets].sort() };
}

type ReadyWebhook = PlannedWebhook & { outcome: Extract<RenderOutcome, { kind: 'ready' }> };

function isReady(planned: PlannedWebhook): planned is ReadyWebhook {
  return planned.outcome.kind === 'ready';
}

function reportOf(
  planned: PlannedWebhook,
  result: WebhookResult,
  requestText?: string,
  message?: string
): WebhookReport {
  return { result, continueOnError: planned.definition.continueOnError, requestText, message };
}

function commonFields(planned: PlannedWebhook, event: EventName) {
  return {
    name: planned.definition.name,
    event,
    method: planned.definition.method,
    url: isReady(planned)
      ? planned.outcome.request.shown.url
      : planned.outcome.kind === 'failed'
        ? (planned.outcome.shownUrl ?? '')
        : ''
  };
}

function notSent(planned: PlannedWebhook, event: EventName): WebhookReport {
  const common = commonFields(planned, event);
  const { outcome } = planned;
  if (outcome.kind === 'failed')
    return reportOf(planned, failedResult(common, outcome.problems.map(formatProblem).join('; ')));
  if (outcome.kind === 'skipped') return reportOf(planned, skippedResult(common, outcome.reason));
  return reportOf(planned, failedResult(common, 'not sent: another webhook failed to render'));
}

function preview(
  planned: PlannedWebhook,
  options: RunOptions,
  masker: SecretMasker,
  reporter: RunReporter
): WebhookReport {
  const { event } = options;
  if (!isReady(planned)) return notSent(planned, event);
  const { signingKey, edit, webhookId } = planned.outcome;
  // A dry run given the id of a message to edit shows the edit.
  const editId = options.messageIds?.[planned.definition.name];
  const steps =
    edit && editId ? withEdit(planned.outcome.steps, edit.request(editId)) : planned.outcome.steps;
  const placeholders = placeholderValues(steps);
  const now = Math.floor(Date.now() / 1000);
  const shownSteps = steps.map(step => {
    const request = step.request(placeholders);
    const shown = shownAttempt(request, webhookId, now, signingOf(planned.definition, signingKey));
    const signed = step.signAttempt?.(request).shown ?? [];
    return { ...shown, headers: [...shown.headers, ...signed] };
  });
  const name = planned.definition.name;
  // A protocol of several requests is shown request by request, each under its step's name.
  const texts = shownSteps.map((shown, i) => {
    const text = requestText(shown, masker);
    const step = steps.length > 1 ? ` — ${i + 1}/${steps.length} ${steps[i].name}` : '';
    reporter.preview(name, masker.mask(`${name}${step}: ${shown.method} ${shown.url}`), text);
    return steps.length > 1 ? `# ${i + 1}. ${steps[i].name}\n${text}` : text;
  });
  const shown = shownSteps[shownSteps.length - 1];
  const message = planned.outcome.message && masker.mask(planned.outcome.message);
  return reportOf(
    planned,
    previewResult(
      { ...commonFields(planned, event), method: shown.method },
      shown,
      steps.length > 1
        ? shownSteps.map((request, i) => ({ step: steps[i].name, request }))
        : undefined
    ),
    texts.join('\n\n'),
    message
  );
}

/**
 * The delivery of an edit: one request, with the endpoint's credentials (a protocol's earlier
 * steps find where to post, which an edit knows), read as the post's answer is.
 */
function withEdit(steps: RequestStep[], edit: RenderedRequest): RequestStep[] {
  const post = steps[steps.length - 1];
  return [{ ...post, name: '', gives: {}, values: undefined, request: () => edit }];
}

/**
 * What a receiver says is masked once, where it enters (SPEC §8): before a reason is read from
 * it, folded or cut, and before a `Location` or an error naming a host is printed.
 */
function maskedAnswer(answer: HttpAnswer, masker: SecretMasker): HttpAnswer {
  const headers: HttpAnswer['headers'] = {};
  for (const [name, value] of Object.entries(answer.headers))
    headers[name] = Array.isArray(value)
      ? value.map(item => masker.mask(item))
      : value === undefined
        ? value
        : masker.mask(value);
  return {
    ...answer,
    statusText: masker.mask(answer.statusText),
    headers,
    body: masker.mask(answer.body)
  };
}

function signingOf(definition: WebhookDefinition, key: string | undefined): Signing | undefined {
  return key ? { scheme: definition.signature, secret: key } : undefined;
}

async function deliverPlanned(
  planned: PlannedWebhook[],
  options: RunOptions,
  masker: SecretMasker,
  reporter: RunReporter
): Promise<WebhookReport[]> {
  const record = options.test === 'off' ? options.record : undefined;
  const version = versionOf(options);
  // A re-run reads what earlier attempts delivered; an `update: true` webhook with no id given
  // reads the id of the message an earlier step of the run posted.
  const wantsIds = planned.some(
    p => isReady(p) && p.outcome.edit && !options.messageIds?.[p.definition.name]
  );
  const earlier =
    record && (record.attempt > 1 || wantsIds)
      ? await deliveredEarlier(record, version, reporter)
      : [];
  // `resend` sends again what an earlier attempt delivered, and still keeps it in the record.
  const deliveredIn = (definition: WebhookDefinition) =>
    record?.resend ? undefined : earlier.find(entry => isSame(entry, definition, options))?.attempt;
  const ready = planned.filter(
    (p): p is ReadyWebhook => isReady(p) && deliveredIn(p.definition) === undefined
  );
  // `update: true` with the id of the message an earlier event posted: edit it (SPEC §15).
  const editOf = ({ definition, outcome }: ReadyWebhook) => {
    const id =
      options.messageIds?.[definition.name] ??
      [...earlier].reverse().find(entry => entry.name === definition.name && entry.messageId)
        ?.messageId;
    return id && outcome.edit ? { id, edit: outcome.edit } : undefined;
  };
  const jobOf = (webhook: ReadyWebhook, steps: RequestStep[]): DeliveryJob => ({
    name: webhook.definition.name,
    id: webhook.outcome.webhookId,
    steps,
    signing: signingOf(webhook.definition, webhook.outcome.signingKey),
    timeoutMs: (webhook.definition.timeout ?? options.timeoutSeconds) * 1000,
    policy: {
      ...DEFAULT_BACKOFF,
      retries: webhook.definition.retries ?? options.retries,
      random: Math.random
    }
  });
  const jobs: DeliveryJob[] = ready.map(webhook => {
    const editing = editOf(webhook);
    const { steps } = webhook.outcome;
    return jobOf(webhook, editing ? withEdit(steps, editing.edit.request(editing.id)) : steps);
  });
  const deps: DeliveryDeps = {
    send: (request, timeoutMs) =>
      // An email goes to its SMTP server with the mail library, loaded only then.
      (/^smtps?:/i.test(request.url)
        ? import('./net/mail.js').then(async mail => {
            const sent = await mail.sendMail(request, timeoutMs);
            if ('fault' in sent) throw new TransportError(sent.fault.message, sent.fault.retryable);
            return sent.answer;
          })
        : exchange(request, { timeoutMs, keepBytes: DELIVERY_KEEP_BYTES })
      ).then(
        answer => maskedAnswer(answer, masker),
        (error: unknown) => {
          throw error instanceof TransportError
            ? new TransportError(masker.mask(error.message), error.retryable)
            : error;
        }
      ),
    sleep,
    now: () => Date.now(),
    onAttempt: report => reporter.attempt(report),
    protect: secret => reporter.protect(secret)
  };
  const outcomes = await deliverAll(jobs, options.concurrency, deps);
  // A message that was deleted cannot be edited: a new one is posted, and a warning says so.
  const gone = ready.flatMap((webhook, i) => {
    const editing = editOf(webhook);
    return editing && !outcomes[i].ok && editing.edit.gone(outcomes[i].status, outcomes[i].error)
      ? [i]
      : [];
  });
  for (const i of gone)
    reporter.warning(
      `${ready[i].definition.name}: message ${editOf(ready[i])?.id} could not be edited (${outcomes[i].error}); a new message is posted.`
    );
  const reposted = await deliverAll(
    gone.map(i => jobOf(ready[i], ready[i].outcome.steps)),
    options.concurrency,
    deps
  );
  gone.forEach((i, k) => (outcomes[i] = reposted[k]));
  // An edited message keeps its id: Matrix gives the edit an event id of its own, Zulip none.
  ready.forEach((webhook, i) => {
    const editing = editOf(webhook);
    if (editing && outcomes[i].ok && !gone.includes(i))
      outcomes[i] = { ...outcomes[i], messageId: editing.id };
  });
  const delivered = new Map(ready.map((webhook, i) => [webhook, outcomes[i]]));
  if (record && outcomes.some(outcome => outcome.ok)) {
    const now = ready.flatMap((webhook, i) =>
      outcomes[i].ok
        ? [
            {
              ...announced(webhook.definition, options),
              messageId: outcomes[i].messageId,
              attempt: record.attempt
            }
          ]
        : []
    );
    await keepRecord(record, version, now, reporter);
  }
  return planned.map(p => {
    const outcome = delivered.get(p as ReadyWebhook);
    const attempt = isReady(p) ? deliveredIn(p.definition) : undefined;
    if (attempt !== undefined)
      return reportOf(
        p,
        skippedResult(commonFields(p, options.event), `delivered in attempt ${attempt}`)
      );
    if (!outcome) return notSent(p, options.event);
    // An edit reports the method it used (Discord's PATCH).
    const steps = jobs[ready.indexOf(p as ReadyWebhook)]?.steps;
    const sent = steps ? steps[steps.length - 1].request({}).method : p.definition.method;
    const method = gone.includes(ready.indexOf(p as ReadyWebhook)) ? p.definition.method : sent;
    return reportOf(p, deliveredResult({ ...commonFields(p, options.event), method }, outcome));
  });
}

/** The version a record speaks of: its id, else its label. */
function versionOf(options: RunOptions): string {
  return options.context.version.id || options.context.version.label;
}

/** What a record entry says is announced: the webhook, the event, the version. */
function announced(definition: WebhookDefinition, options: RunOptions) {
  return { name: definition.name, event: options.event, version: versionOf(options) };
}

function isSame(entry: DeliveredWebhook, definition: WebhookDefinition, options: RunOptions) {
  const now = announced(definition, options);
  return entry.name === now.name && entry.event === now.event && entry.version === now.version;
}

/** What this run delivered of the version before this step. */
async function deliveredEarlier(
  record: RecordSettings,
  version: string,
  reporter: RunReporter
): Promise<DeliveredWebhook[]> {
  if (!record.serviceAvailable) {
    reporter.debug('No Actions cache service: the delivery record is not read.');
    return [];
  }
  try {
    const kept = await import('./deliver/record.js');
    return await withinRecordTime(kept.restoreRecord(record, version));
  } catch (error) {
    reporter.warning(
      `The delivery record could not be read (${describe(error)}): webhooks an earlier attempt delivered are sent again.`
    );
    return [];
  }
}

/** Saves the record; a failure never fails a delivered release, it is said. */
async function keepRecord(
  record: RecordSettings,
  version: string,
  delivered: DeliveredWebhook[],
  reporter: RunReporter
) {
  if (!record.serviceAvailable) {
    reporter.debug(
      'No Actions cache service: deliveries are not recorded, and a re-run sends them again.'
    );
    return;
  }
  try {
    const kept = await import('./deliver/record.js');
    if (!(await withinRecordTime(kept.saveRecord(record, version, delivered))))
      reporter.warning(
        "The delivery record was not saved (the cache service refused it, or the job's cache-mode forbids writes): a re-run of this job may post again."
      );
  } catch (error) {
    reporter.warning(
      `The delivery record was not saved (${describe(error)}): a re-run of this job may post again.`
    );
  }
}

/** The cache service is waited for this long at most, reading or saving. */
const RECORD_TIMEOUT_MS = 30_000;

function withinRecordTime<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the cache service took longer than ${RECORD_TIMEOUT_MS / 1000} s`)),
      RECORD_TIMEOUT_MS
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
