// The CLI: the action's engine on a local machine, with exit codes for scripts.
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import {
  deliveryLine,
  problemsLine,
  readConfigText,
  unexpectedError
} from '../front-end/report.js';
import { formatProblem, UserError } from '../problems.js';
import { attemptSucceeded, attemptText } from '../report/attempt-text.js';
import { maskReports, resultsJson, type WebhookResult } from '../report/results.js';
import { runWebhooks } from '../run-webhooks.js';
import { isMaskableInText, SecretMasker, SHORTEST_MASKED_IN_TEXT } from '../secrets.js';
import { VERSION } from '../version.js';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args.js';
import { cliContext, localGitHubEnvironment, readSecretsFile } from './context.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTerminal: boolean;
}

export const EXIT_OK = 0;
export const EXIT_DELIVERY_FAILED = 1;
export const EXIT_USER_ERROR = 2;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv, io.isTerminal && !io.env.NO_COLOR);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`release-webhooks: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USER_ERROR;
  }
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }

  const paint = painter(options.color);
  const masker = new SecretMasker();
  // With --json, stdout carries only the results; everything else goes to stderr.
  const say = options.json ? io.stderr : io.stdout;
  try {
    const secrets = options.secretsFile
      ? readSecretsFile(resolve(io.cwd, options.secretsFile))
      : {};
    for (const [name, value] of Object.entries(secrets)) {
      masker.add(value);
      if (value.trim() && !isMaskableInText(value))
        io.stderr(
          `warning: secret ${name} is shorter than ${SHORTEST_MASKED_IN_TEXT} characters: it is masked only where a whole value equals it or reads it\n`
        );
    }
    for (const [name, value] of options.set) if (name.startsWith('secrets.')) masker.add(value);

    const config = loadConfig(readConfigText(options.config, io.cwd, '--config'), options.config);
    const context = cliContext({
      set: options.set,
      secrets,
      github: localGitHubEnvironment(io.env, io.cwd),
      event: options.event
    });
    const mode =
      options.test === 'dry-run'
        ? 'test run, nothing is sent'
        : options.test === 'send'
          ? 'test delivery with sample values'
          : 'delivery';
    say(paint.bold(`${options.config}: ${options.event} (${mode})\n`));
    const outcome = await runWebhooks(
      {
        ...options,
        config,
        context,
        settingNames: { only: '--only', versionLabel: '--set version.label' },
        // Without a secrets file, a preview shows each secret it reads as ***NAME***.
        secretAccess: options.secretsFile ? 'known' : 'unavailable'
      },
      masker,
      {
        protect: secret => masker.add(secret),
        preview: (_name, title, text) => say(`\n${paint.bold(`── ${title}`)}\n${text}\n`),
        attempt: report => {
          const text = attemptText(report, masker);
          say(`${attemptSucceeded(report) ? paint.green(text) : paint.red(text)}\n`);
        },
        warning: message => io.stderr(`warning: ${masker.mask(message)}\n`),
        debug: () => {}
      }
    );
    if (outcome.problems.length > 0) throw new UserError(outcome.problems);
    if (outcome.missingSecrets.length > 0)
      say(
        paint.dim(
          `\nShown as ***NAME*** (no --secrets-file): ${outcome.missingSecrets.join(', ')}\n`
        )
      );
    const reports = maskReports(outcome.reports, masker);
    const results = reports.map(report => report.result);
    say(`\n${summaryLines(results, options.test === 'dry-run', paint)}\n`);
    if (options.json) io.stdout(`${resultsJson(results).json}\n`);
    return reports.some(r => !r.result.ok && !r.continueOnError) ? EXIT_DELIVERY_FAILED : EXIT_OK;
  } catch (error) {
    if (!(error instanceof UserError)) {
      const { message, stack } = unexpectedError(error);
      io.stderr(paint.red(`${masker.mask(message)}\n`));
      if (io.env.RELEASE_WEBHOOKS_DEBUG && stack) io.stderr(`${masker.mask(stack)}\n`);
      return EXIT_USER_ERROR;
    }
    for (const problem of error.problems)
      io.stderr(`${paint.red(masker.mask(formatProblem(problem)))}\n`);
    io.stderr(paint.red(`${problemsLine(error.problems.length)}\n`));
    return EXIT_USER_ERROR;
  }
}

function summaryLines(results: WebhookResult[], dryRun: boolean, paint: Painter): string {
  const lines = results.map(r => {
    if (r.error) return paint.red(`✗ ${r.name}: ${r.error}`);
    if (r.skipped) return paint.dim(`- ${r.name}: skipped (${r.skipped})`);
    return paint.green(`✓ ${r.name}: ${dryRun ? 'renders' : `${r.status} in ${r.duration_ms} ms`}`);
  });
  lines.push(
    dryRun ? `${results.length} webhook(s) checked, nothing sent.` : deliveryLine(results)
  );
  return lines.join('\n');
}

type Painter = ReturnType<typeof painter>;

function painter(color: boolean) {
  const wrap = (code: string) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  return { bold: wrap('1'), red: wrap('31'), green: wrap('32'), dim: wrap('2') };
}
