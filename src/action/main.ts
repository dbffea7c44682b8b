// The action's run: inputs → context → rendered requests → delivery → report. The one
// try/catch and the one place the step is failed.
import { readConfig } from '../config/load.js';
import { buildContext } from '../context/build.js';
import type { VersionFacts } from '../context/types.js';
import {
  deliveryLine,
  problemsLine,
  readConfigText,
  unexpectedError
} from '../front-end/report.js';
import { formatProblem, UserError, type Problem } from '../problems.js';
import { attemptText } from '../report/attempt-text.js';
import {
  countResults,
  maskReports,
  resultsJson,
  type WebhookReport,
  type WebhookResult
} from '../report/results.js';
import { summaryMarkdown } from '../report/summary.js';
import { runWebhooks } from '../run-webhooks.js';
import { contextForMode, planWebhooks } from '../plan.js';
import type { WebhooksConfig } from '../config/types.js';
import type { VersionContext } from '../context/types.js';
import { USER_AGENT } from '../version.js';
import { actionsRunner, type Runner } from './runner.js';
import { isMaskableInText, SecretMasker, SHORTEST_MASKED_IN_TEXT } from '../secrets.js';
import { readSettings, type Settings } from './settings.js';
import { patchKitFacts } from '../sources/patchkit.js';
import { releaseFacts } from '../sources/release.js';
import { readChangesFile, readEventRelease, totalFileSize } from '../sources/workspace.js';
import { exchange } from '../net/exchange.js';

export async function run(
  runner: Runner = actionsRunner(),
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  const masker = new SecretMasker();
  const protect = (value: string | undefined) => {
    if (value) for (const form of masker.add(value)) runner.setSecret(form);
  };
  try {
    const { settings, problems } = readSettings(name => runner.getInput(name), env);
    for (const [name, value] of Object.entries(settings.secrets)) {
      protect(value);
      if (value.trim() && !isMaskableInText(value))
        runner.warning(
          `Secret ${name} is shorter than ${SHORTEST_MASKED_IN_TEXT} characters: it is masked where a whole value equals it, and in every value whose template reads it, but not inside other text.`,
          { title: 'Short secret' }
        );
    }
    protect(settings.githubToken);
    protect(settings.patchkit?.appSecret);
    protect(settings.patchkit?.apiKey);

    // Inputs, the config and the templates are checked in one pass and reported together.
    const config = await collecting(problems, async () => {
      const read = readConfig(
        readConfigText(settings.configPath, settings.workspace, 'input config'),
        settings.configPath
      );
      problems.push(...read.problems);
      const names = new Set(read.config.webhooks.map(webhook => webhook.name));
      for (const name of Object.keys(settings.messageIds))
        if (!names.has(name))
          problems.push({
            field: 'input message-ids',
            message: `no webhook named "${name}" in ${settings.configPath}`
          });
      return read.config;
    });
    const context = buildContext({
      facts: await gatherFacts(settings, problems, runner),
      github: settings.github,
      event: settings.event,
      test: false,
      secrets: settings.secrets,
      vars: settings.vars,
      now: new Date()
    });
    if (problems.length > 0) {
      if (config?.webhooks.length)
        problems.push(...(await renderProblems(config, context, settings)));
      // Inputs first (they have no place), then the file's problems in the file's order.
      throw new UserError(problems.sort((a, b) => Number(!!a.place) - Number(!!b.place)));
    }
    if (!config) throw new UserError(problems);

    const dryRun = settings.test === 'dry-run';
    if (dryRun) runner.info(`Test run for ${settings.event}: rendering only, nothing is sent.`);
    const outcome = await runWebhooks({ ...settings, config, context }, masker, {
      protect,
      preview: (_name, title, text) => runner.group(title, text),
      attempt: report => runner.info(attemptText(report, masker)),
      warning: message => runner.warning(masker.mask(message), { title: 'Delivery record' }),
      debug: message => runner.debug(message)
    });
    reportMissingSecrets(runner, settings, outcome.missingSecrets);
    const reports = maskReports(outcome.reports, masker);
    const results = reports.map(report => report.result);
    if (results.length === 0) runner.warning(nobodyListens(settings));

    publish(runner, settings, results);
    const shown = contextForMode(context, settings.test, settings.secretAccess);
    runner.writeSummary(
      summaryMarkdown({
        reports,
        dryRun,
        configFile: settings.configPath,
        event: settings.event,
        announced: masker.mask(`${shown.app.display_name} ${shown.version.label}`.trim()),
        nobodyListens: nobodyListens(settings)
      })
    );
    if (outcome.problems.length > 0) throw new UserError(outcome.problems);
    decideStep(runner, settings, reports);
  } catch (error) {
    reportFailure(runner, masker, error);
  }
}

/** A dry run that read secrets it does not have says which, once (SPEC §6). */
function reportMissingSecrets(runner: Runner, settings: Settings, names: string[]) {
  if (names.length === 0) return;
  const list = names.join(', ');
  if (settings.secretAccess === 'not-given')
    runner.warning(
      `The templates read ${list}, but the \`secrets\` input is not given: the test run shows them as ***NAME***, and the release will fail. Add \`secrets: \${{ toJSON(secrets) }}\` under the step's \`with:\`.`,
      { title: 'No secrets input' }
    );
  else
    runner.notice(
      `This run cannot see the repository's secrets (${settings.secretsUnavailable ?? 'none were given'}), so they show as ***NAME***. The release will need: ${list}.`
    );
}

function nobodyListens(settings: Settings): string {
  const among = settings.only.length ? ` among ${settings.only.join(', ')}` : '';
  return `No webhook in ${settings.configPath} listens to ${settings.event}${among}.`;
}

/** Runs `work`; a UserError's problems join `problems` instead of ending the run. */
async function collecting<T>(
  problems: Problem[],
  work: () => T | Promise<T>
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

/** What the templates would say, when inputs already failed: reported with them, all at once. */
async function renderProblems(
  config: WebhooksConfig,
  context: VersionContext,
  settings: Settings
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const planned = await collecting(problems, () =>
    planWebhooks(config, context, {
      event: settings.event,
      only: settings.only,
      test: settings.test,
      userAgent: USER_AGENT,
      secretAccess: settings.secretAccess
    })
  );
  for (const { outcome } of planned ?? [])
    if (outcome.kind === 'failed') problems.push(...outcome.problems);
  return problems;
}

/**
 * Explicit inputs first, then PatchKit, the release asked for, the release of the event. A
 * source that fails adds its problems and contributes nothing. In test mode a file the
 * workspace lacks (a pull request has no build output) is a notice, and a sample stands in.
 */
async function gatherFacts(
  settings: Settings,
  problems: Problem[],
  runner: Runner
): Promise<VersionFacts[]> {
  const fromWorkspace = async <T>(work: () => T | Promise<T>): Promise<T | undefined> => {
    if (settings.test === 'off') return collecting(problems, work);
    const notices: Problem[] = [];
    const value = await collecting(notices, work);
    for (const notice of notices)
      runner.notice(`${formatProblem(notice)}; the test run uses a sample value.`);
    return value;
  };
  const fromInputs: VersionFacts = { ...settings.facts };
  if (settings.contentFiles.length > 0)
    fromInputs.contentSize = await fromWorkspace(() =>
      totalFileSize(settings.contentFiles, settings.workspace, 'version-content-files')
    );
  if (settings.diffFiles.length > 0)
    fromInputs.diffSize = await fromWorkspace(() =>
      totalFileSize(settings.diffFiles, settings.workspace, 'version-diff-files')
    );
  if (settings.changesFile) {
    const file = settings.changesFile;
    fromInputs.changes = await fromWorkspace(() => readChangesFile(file, settings.workspace));
  }
  const facts = [fromInputs];
  const timeoutMs = settings.timeoutSeconds * 1000;
  const patchkit = settings.patchkit;
  if (patchkit) {
    const found = await collecting(problems, () => patchKitFacts(patchkit, timeoutMs));
    if (found) facts.push(found);
  }
  const release = settings.release;
  if (release) {
    const found = await collecting(problems, async () => {
      const { fetchRelease } = await import('../sources/github-release.js');
      return fetchRelease({
        release,
        repository: settings.github.repository,
        token: settings.githubToken,
        apiUrl: settings.apiUrl,
        timeoutMs,
        exchange
      });
    });
    if (found) facts.push(releaseFacts(found));
  }
  const eventRelease = readEventRelease(settings.eventPath);
  if (eventRelease) facts.push(releaseFacts(eventRelease));
  return facts;
}

/** `results` are masked already (maskReports). */
function publish(runner: Runner, settings: Settings, results: WebhookResult[]) {
  const counts = countResults(results);
  const { json, requestsLeftOut } = resultsJson(results);
  runner.setOutput('results', json);
  if (requestsLeftOut > 0)
    runner.warning(
      `The results output leaves out the request of the last ${requestsLeftOut} webhook(s): an output holds at most 1 MiB. The log shows every request.`
    );
  runner.setOutput('sent', String(counts.sent));
  runner.setOutput('failed', String(counts.failed));
  runner.setOutput('skipped', String(counts.skipped));
  runner.setOutput(
    'message-ids',
    JSON.stringify(
      Object.fromEntries(results.flatMap(r => (r.message_id ? [[r.name, r.message_id]] : [])))
    )
  );
  if (settings.test !== 'dry-run') runner.info(deliveryLine(results));
}

function decideStep(runner: Runner, settings: Settings, reports: WebhookReport[]) {
  const failed = reports.filter(r => !r.result.ok);
  for (const { result, continueOnError } of failed) {
    const message = `${result.name}: ${result.error}`;
    if (continueOnError)
      runner.warning(`${message} (continue-on-error)`, { title: 'Webhook failed' });
    else runner.error(message, { title: 'Webhook failed' });
  }
  const fatal = failed.filter(r => !r.continueOnError);
  if (fatal.length > 0 && settings.failOnError) {
    // The count is the `failed` output's; those tolerated are named apart.
    const tolerated = failed.length - fatal.length;
    const names = fatal.map(r => r.result.name).join(', ');
    const also = tolerated > 0 ? ` (${tolerated} of them under continue-on-error)` : '';
    runner.setFailed(`${failed.length} of ${reports.length} webhook(s) failed${also}: ${names}`);
  }
}

function reportFailure(runner: Runner, masker: SecretMasker, error: unknown) {
  if (error instanceof UserError) {
    for (const problem of error.problems)
      runner.error(masker.mask(formatProblem(problem)), annotationPlace(problem));
    runner.setFailed(problemsLine(error.problems.length));
    return;
  }
  // A stack trace in the user's log does not help them; with debug logging on, it is there.
  const { message, stack } = unexpectedError(error);
  if (stack) runner.debug(masker.mask(stack));
  runner.setFailed(masker.mask(message));
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
