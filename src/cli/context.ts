// The CLI's variable context: --set values (dotted paths), a secrets file, and what the
// environment and the git checkout tell.
import { execFileSync } from 'node:child_process';
import { FileTooLarge, readBoundedText } from '../bounded-file.js';
import { buildContext } from '../context/build.js';
import { isoSeconds, parseDate } from '../context/dates.js';
import { parseByteCount } from '../context/human-size.js';
import type { GitHubEnvironment, VersionContext, VersionFacts } from '../context/types.js';
import type { EventName } from '../events.js';
import { UserError } from '../problems.js';
import { githubEnvironment } from '../front-end/environment.js';
import { parseBoolean, textValues } from '../front-end/values.js';

type FactKind = 'text' | 'size' | 'date' | 'boolean';
const FACT_PATHS: Record<string, [keyof VersionFacts, FactKind]> = {
  'app.name': ['appName', 'text'],
  'app.display_name': ['appDisplayName', 'text'],
  'app.group_name': ['appGroupName', 'text'],
  'app.download_url': ['appDownloadUrl', 'text'],
  'app.direct_download_url': ['appDirectDownloadUrl', 'text'],
  'version.id': ['versionId', 'text'],
  'version.label': ['versionLabel', 'text'],
  'version.published_at': ['publishedAt', 'date'],
  'version.content_size': ['contentSize', 'size'],
  'version.diff_size': ['diffSize', 'size'],
  'version.changes': ['changes', 'text'],
  'version.prerelease': ['prerelease', 'boolean'],
  'version.url': ['versionUrl', 'text']
};

function problem(message: string): UserError {
  return new UserError([{ message, field: '--set' }]);
}

function factValue(path: string, kind: FactKind, raw: string): string | number | boolean {
  if (kind === 'text') return raw;
  if (kind === 'size') {
    const bytes = parseByteCount(raw);
    if (bytes === undefined) throw problem(`${path}: "${raw}" is not a size in bytes`);
    return bytes;
  }
  if (kind === 'boolean') {
    const value = parseBoolean(raw);
    if (value === undefined) throw problem(`${path}: "${raw}" is not true or false`);
    return value;
  }
  const date = parseDate(raw);
  if (!date) throw problem(`${path}: "${raw}" is not a date`);
  return isoSeconds(date);
}

/** JSON object or dotenv (`NAME=value`, `#` comments, optional quotes). */
export function readSecretsFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readBoundedText(file, 1024 * 1024);
  } catch (error) {
    const reason = error instanceof FileTooLarge ? error.message : 'cannot be read';
    throw new UserError([{ message: `${file} ${reason}`, field: '--secrets-file' }]);
  }
  if (text.trimStart().startsWith('{')) {
    try {
      return textValues(JSON.parse(text) as object);
    } catch {
      throw new UserError([
        { message: `${file} is not a valid JSON object`, field: '--secrets-file' }
      ]);
    }
  }
  const secrets: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
    if (!match)
      throw new UserError([
        { message: `${file}:${index + 1}: expected NAME=value`, field: '--secrets-file' }
      ]);
    const value = match[2];
    const quoted = /^(["'])([^]*)\1$/.exec(value);
    secrets[match[1]] = quoted
      ? quoted[1] === '"'
        ? quoted[2].replace(/\\n/g, '\n')
        : quoted[2]
      : value;
  });
  return secrets;
}

/** GITHUB_* variables when present (a CI job); else what the git checkout says. */
export function localGitHubEnvironment(env: NodeJS.ProcessEnv, cwd: string): GitHubEnvironment {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        // Local facts only; a git that hangs must not hold the CLI (it then knows nothing more).
        timeout: 5000
      }).trim();
    } catch {
      return '';
    }
  };
  return githubEnvironment(env, fact => {
    if (fact === 'sha') return git('rev-parse', 'HEAD');
    if (fact === 'tag') return git('describe', '--tags', '--exact-match');
    const remote = git('remote', 'get-url', 'origin');
    return /[/:]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(remote)?.[1] ?? '';
  });
}

export function cliContext(options: {
  set: Array<[string, string]>;
  secrets: Record<string, string>;
  github: GitHubEnvironment;
  event: EventName;
}): VersionContext {
  const facts: VersionFacts = {};
  const direct: Array<[string, string]> = [];
  const secrets = { ...options.secrets };
  const vars: Record<string, string> = {};
  for (const [path, raw] of options.set) {
    const fact = FACT_PATHS[path];
    if (fact) Object.assign(facts, { [fact[0]]: factValue(path, fact[1], raw) });
    else if (/^secrets\.[^.]+$/.test(path)) secrets[path.slice(8)] = raw;
    else if (/^vars\.[^.]+$/.test(path)) vars[path.slice(5)] = raw;
    else direct.push([path, raw]);
  }
  const context = buildContext({
    facts: [facts],
    github: options.github,
    event: options.event,
    test: false,
    secrets,
    vars,
    now: new Date()
  });
  for (const [path, raw] of direct) {
    const keys = path.split('.');
    const parent = keys
      .slice(0, -1)
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        context
      );
    const leaf = keys[keys.length - 1];
    if (
      typeof parent !== 'object' ||
      parent === null ||
      typeof (parent as Record<string, unknown>)[leaf] !== 'string'
    )
      throw problem(
        `"${path}" is not a variable that can be set (see the variables in the README)`
      );
    (parent as Record<string, unknown>)[leaf] = raw;
  }
  return context;
}
