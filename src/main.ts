// The action's run: inputs → context → rendered requests → delivery → report. The one
// try/catch and the one place the step is failed.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from './config/load.js';
import { buildContext } from './context/build.js';
import type { VersionFacts } from './context/types.js';
import { attemptRequest } from './deliver/attempt.js';
import { deliverAll, type AttemptReport, type DeliveryJob } from './deliver/deliver.js';
import { seconds, sendAttempt } from './deliver/http.js';
import { DEFAULT_BACKOFF } from './deliver/retry.js';
import { planWebhooks, type PlannedWebhook } from './plan.js';
import { formatProblem, inputProblem, UserError, type Problem } from './problems.js';
import { requestText } from './report/request-text.js';
import {
  countResults,
  deliveredResult,
  failedResult,
  previewResult,
  resultsJson,
  skippedResult,
  type WebhookResult
} from './report/results.js';
import { summaryMarkdown } from './report/summary.js';
import { actionsRunner, type Runner } from './runner.js';
import { SecretMasker } from './secrets.js';
import { readSettings, type Settings } from './settings.js';
import { patchKitFacts } from './sources/patchkit.js';
import { releaseFacts } from './sources/release.js';
import { readChangesFile, readEventRelease, totalFileSize } from './sources/workspace.js';
import { USER_AGENT } from './version.js';

export async function run(
  runner: Runner = actionsRunner(),
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  const masker = new SecretMasker();
  const protect = (value: string | undefined) => {
    if (value) for (const form of masker.add(value)) runner.setSecret(form);
  };
  try {
    const settings = readSettings(name => runner.getInput(name), env);
    Object.values(settings.secrets).forEach(protect);
    protect(settings.githubToken);
    protect(settings.patchkit?.appSecret);
    protect(settings.patchkit?.apiKey);

    const config = loadConfig(await readConfigText(settings), settings.configPath);
    const context = buildContext({
      facts: await gatherFacts(settings),
      github: settings.github,
      event: settings.event,
      test: false,
      secrets: settings.secrets,
      vars: settings.vars,
      now: new Date()
    });
    const planned = planWebhooks(config, context, {
      event: settings.event,
      only: settings.only,
      test: settings.test,
      userAgent: USER_AGENT
    });
    for (const { outcome } of planned) if (outcome.kind === 'ready') protect(outcome.signingKey);

    if (planned.length === 0) {
      const among = settings.only.length ? ` among ${settings.only.join(', ')}` : '';
      runner.warning(`No webhook in ${settings.configPath} listens to ${settings.event}${among}.`);
    }

    // Every webhook renders before anything is sent: one broken template sends nothing.
    const renderProblems = planned.flatMap(p =>
      p.outcome.kind === 'failed' ? p.outcome.problems : []
    );
    const dryRun = settings.test === 'dry-run';
    const requests = new Map<WebhookResult, string>();
    const results = dryRun
      ? preview(runner, masker, planned, settings, requests)
      : renderProblems.length > 0
        ? planned.map(p => notSentResult(p, settings))
        : await deliverPlanned(runner, masker, planned, settings);
    publish(runner, masker, settings, results);
    const summary = summaryMarkdown({
      results,
      dryRun,
      configFile: settings.configPath,
      event: settings.event,
      requests
    });
    await runner.writeSummary(masker.mask(summary));
    if (renderProblems.length > 0) throw new UserError(renderProblems);
    decideStep(runner, masker, settings, results);
  } catch (error) {
    reportFailure(runner, masker, error);
  }
}

async function readConfigText(settings: Settings): Promise<string> {
  const file = path.resolve(settings.workspace, settings.configPath);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist; create it (see webhooks.example.yml) or point the `config` input at it'
        : `cannot be read (${code ?? 'error'})`;
    throw inputProblem('config', `${settings.configPath} ${reason}`);
  }
}

/** Explicit inputs first, then PatchKit, the release asked for, the release the run was triggered by. */
async function gatherFacts(settings: Settings): Promise<VersionFacts[]> {
  const fromInputs: VersionFacts = { ...settings.facts };
  if (settings.contentFiles.length > 0)
    fromInputs.contentSize = await totalFileSize(
      settings.contentFiles,
      settings.workspace,
      'version-content-files'
    );
  if (settings.diffFiles.length > 0)
    fromInputs.diffSize = await totalFileSize(
      settings.diffFiles,
      settings.workspace,
      'version-diff-files'
    );
  if (settings.changesFile)
    fromInputs.changes = await readChangesFile(settings.changesFile, settings.workspace);
  const facts = [fromInputs];
  if (settings.patchkit) facts.push(await patchKitFacts(settings.patchkit));
  if (settings.release) {
    const { fetchRelease } = await import('./sources/github-release.js');
    const release = await fetchRelease({
      release: settings.release,
      repository: settings.github.repository,
      token: settings.githubToken,
      apiUrl: settings.apiUrl
    });
    facts.push(releaseFacts(release));
  }
  const eventRelease = await readEventRelease(settings.eventPath);
  if (eventRelease) facts.push(releaseFacts(eventRelease));
  return facts;
}

function commonFields(planned: PlannedWebhook, settings: Settings) {
  const request = planned.outcome.kind === 'ready' ? planned.outcome.request : undefined;
  return {
    name: planned.definition.name,
    event: settings.event,
    method: planned.definition.method,
    url: request?.url ?? '',
    continueOnError: planned.definition.continueOnError
  };
}

function notSentResult(planned: PlannedWebhook, settings: Settings): WebhookResult {
  const common = commonFields(planned, settings);
  if (planned.outcome.kind === 'failed')
    return failedResult(common, planned.outcome.problems.map(formatProblem).join('; '));
  if (planned.outcome.kind === 'skipped') return skippedResult(common, planned.outcome.reason);
  return failedResult(common, 'not sent: another webhook failed to render');
}

function preview(
  runner: Runner,
  masker: SecretMasker,
  planned: PlannedWebhook[],
  settings: Settings,
  requests: Map<WebhookResult, string>
): WebhookResult[] {
  runner.info(
    `Test run: rendering ${planned.length} webhook(s) for ${settings.event}; nothing is sent.`
  );
  return planned.map(p => {
    if (p.outcome.kind !== 'ready') return notSentResult(p, settings);
    const { request, signingKey } = p.outcome;
    const sample = attemptRequest(
      request,
      randomUUID(),
      Math.floor(Date.now() / 1000),
      signingKey ? { scheme: p.definition.signature, secret: signingKey } : undefined
    );
    const text = requestText(sample, masker);
    runner.group(masker.mask(`${p.definition.name}: ${request.method} ${request.url}`), text);
    const result = previewResult(commonFields(p, settings), sample, masker);
    requests.set(result, text);
    return result;
  });
}

async function deliverPlanned(
  runner: Runner,
  masker: SecretMasker,
  planned: PlannedWebhook[],
  settings: Settings
): Promise<WebhookResult[]> {
  const ready = planned.filter(p => p.outcome.kind === 'ready');
  const jobs: DeliveryJob[] = ready.map(p => {
    const outcome = p.outcome as Extract<PlannedWebhook['outcome'], { kind: 'ready' }>;
    return {
      name: p.definition.name,
      request: outcome.request,
      signing: outcome.signingKey
        ? { scheme: p.definition.signature, secret: outcome.signingKey }
        : undefined,
      timeoutMs: (p.definition.timeout ?? settings.timeoutSeconds) * 1000,
      policy: {
        ...DEFAULT_BACKOFF,
        retries: p.definition.retries ?? settings.retries,
        random: Math.random
      }
    };
  });
  if (jobs.length > 0) runner.info(`Delivering ${jobs.length} webhook(s) for ${settings.event}…`);
  const outcomes = await deliverAll(jobs, settings.concurrency, {
    send: sendAttempt,
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    now: () => Date.now(),
    onAttempt: report => runner.info(masker.mask(describeAttempt(report)))
  });
  return planned.map(p => {
    const index = ready.indexOf(p);
    if (index < 0) return notSentResult(p, settings);
    return deliveredResult(commonFields(p, settings), outcomes[index]);
  });
}

function describeAttempt(report: AttemptReport): string {
  const { job, attempt } = report;
  const answer =
    report.status !== undefined
      ? `${report.status} ${report.statusText ?? ''}`.trim()
      : report.error;
  const ok = report.status !== undefined && report.status >= 200 && report.status < 300;
  const next = report.retryInMs !== undefined ? `; retrying in ${seconds(report.retryInMs)}` : '';
  const lines = [
    `${ok ? '✓' : '✗'} ${job.name}: ${job.request.method} ${job.request.url} → ${answer} (attempt ${attempt})${next}`
  ];
  if (report.bodyExcerpt)
    lines.push(`  response: ${report.bodyExcerpt.replace(/\s+/g, ' ').trim()}`);
  return lines.join('\n');
}

function publish(
  runner: Runner,
  masker: SecretMasker,
  settings: Settings,
  results: WebhookResult[]
) {
  const counts = countResults(results);
  runner.setOutput('results', resultsJson(results, masker));
  runner.setOutput('sent', String(counts.sent));
  runner.setOutput('failed', String(counts.failed));
  runner.setOutput('skipped', String(counts.skipped));
  if (settings.test !== 'dry-run')
    runner.info(`Sent ${counts.sent}, failed ${counts.failed}, skipped ${counts.skipped}.`);
}

function decideStep(
  runner: Runner,
  masker: SecretMasker,
  settings: Settings,
  results: WebhookResult[]
) {
  const failed = results.filter(r => !r.ok);
  for (const result of failed) {
    const message = masker.mask(`${result.name}: ${result.error}`);
    if (result.continueOnError)
      runner.warning(`${message} (continue-on-error)`, { title: 'Webhook failed' });
    else runner.error(message, { title: 'Webhook failed' });
  }
  const fatal = failed.filter(r => !r.continueOnError);
  if (fatal.length > 0 && settings.failOnError) {
    runner.setFailed(
      `${fatal.length} of ${results.length} webhook(s) failed: ${masker.mask(fatal.map(r => r.name).join(', '))}`
    );
  }
}

function reportFailure(runner: Runner, masker: SecretMasker, error: unknown) {
  if (error instanceof UserError) {
    for (const problem of error.problems)
      runner.error(masker.mask(formatProblem(problem)), annotationPlace(problem));
    const count = error.problems.length;
    runner.setFailed(`${count} problem${count === 1 ? '' : 's'} found; nothing was sent.`);
    return;
  }
  // A bug of ours: the message helps, a stack trace in the user's log does not.
  const message = error instanceof Error ? error.message : String(error);
  runner.setFailed(masker.mask(`Release webhooks stopped unexpectedly: ${message}`));
}

function annotationPlace(problem: Problem) {
  if (!problem.place) return { title: 'Release webhooks' };
  return {
    file: problem.place.file,
    line: problem.place.line,
    col: problem.place.col,
    title: 'Webhook config'
  };
}
