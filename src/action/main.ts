// The action's run: inputs → context → rendered requests → delivery → report. The one
// try/catch and the one place the step is failed.
import { loadConfig } from '../config/load.js';
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
import { actionsRunner, type Runner } from './runner.js';
import { isMaskableInText, SecretMasker, SHORTEST_MASKED_IN_TEXT } from '../secrets.js';
import { readSettings, type Settings } from './settings.js';
import { patchKitFacts } from '../sources/patchkit.js';
import { releaseFacts } from '../sources/release.js';
import { readChangesFile, readEventRelease, totalFileSize } from '../sources/workspace.js';

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

    const config = loadConfig(
      readConfigText(settings.configPath, settings.workspace, 'input config'),
      settings.configPath
    );
    const context = buildContext({
      facts: await gatherFacts(settings),
      github: settings.github,
      event: settings.event,
      test: false,
      secrets: settings.secrets,
      vars: settings.vars,
      now: new Date()
    });
    const dryRun = settings.test === 'dry-run';
    if (dryRun) runner.info(`Test run for ${settings.event}: rendering only, nothing is sent.`);
    const outcome = await runWebhooks({ ...settings, config, context }, masker, {
      protect,
      preview: (_name, title, text) => runner.group(title, text),
      attempt: report => runner.info(attemptText(report, masker))
    });
    const { problems } = outcome;
    const reports = maskReports(outcome.reports, masker);
    const results = reports.map(report => report.result);
    if (results.length === 0) {
      const among = settings.only.length ? ` among ${settings.only.join(', ')}` : '';
      runner.warning(`No webhook in ${settings.configPath} listens to ${settings.event}${among}.`);
    }

    publish(runner, settings, results);
    const summary = summaryMarkdown({
      reports,
      dryRun,
      configFile: settings.configPath,
      event: settings.event
    });
    runner.writeSummary(summary);
    if (problems.length > 0) throw new UserError(problems);
    decideStep(runner, settings, reports);
  } catch (error) {
    reportFailure(runner, masker, error);
  }
}

/** Explicit inputs first, then PatchKit, the release asked for, the release of the event. */
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
    fromInputs.changes = readChangesFile(settings.changesFile, settings.workspace);
  const facts = [fromInputs];
  const timeoutMs = settings.timeoutSeconds * 1000;
  if (settings.patchkit) facts.push(await patchKitFacts(settings.patchkit, timeoutMs));
  if (settings.release) {
    const { fetchRelease } = await import('../sources/github-release.js');
    const release = await fetchRelease({
      release: settings.release,
      repository: settings.github.repository,
      token: settings.githubToken,
      apiUrl: settings.apiUrl,
      timeoutMs
    });
    facts.push(releaseFacts(release));
  }
  const eventRelease = readEventRelease(settings.eventPath);
  if (eventRelease) facts.push(releaseFacts(eventRelease));
  return facts;
}

/** `results` are masked already (maskResults). */
function publish(runner: Runner, settings: Settings, results: WebhookResult[]) {
  const counts = countResults(results);
  runner.setOutput('results', resultsJson(results));
  runner.setOutput('sent', String(counts.sent));
  runner.setOutput('failed', String(counts.failed));
  runner.setOutput('skipped', String(counts.skipped));
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
    const names = fatal.map(r => r.result.name).join(', ');
    runner.setFailed(`${fatal.length} of ${reports.length} webhook(s) failed: ${names}`);
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
