// The one place that reads the action's inputs: raw strings in, one typed and validated
// Settings out. Every invalid input is reported by name, all at once.
import { DEFAULT_EVENT, isKnownEvent, KNOWN_EVENTS, type EventName } from '../events.js';
import { isoSeconds, parseDate } from '../context/dates.js';
import { parseByteCount } from '../context/human-size.js';
import type { GitHubEnvironment, VersionFacts } from '../context/types.js';
import type { PatchKitSource } from '../sources/patchkit.js';
import { NUMBER_RULES } from '../config/fields.js';
import type { Problem } from '../problems.js';
import { tmpdir } from 'node:os';
import type { SecretAccess, TestMode } from '../plan.js';
import type { RecordSettings } from '../run-webhooks.js';
import { pullRequestFromFork } from '../sources/workspace.js';
import { githubEnvironment } from '../front-end/environment.js';
import { list, parseBoolean, parseNumber, textValues } from '../front-end/values.js';

export interface Settings {
  configPath: string;
  workspace: string;
  event: EventName;
  test: TestMode;
  only: string[];
  secrets: Record<string, string>;
  /** Whether `secrets` holds the repository's secrets, and if not, why (a dry run says). */
  secretAccess: SecretAccess;
  secretsUnavailable?: string;
  vars: Record<string, string>;
  /** What the inputs say about the version, files not yet read. */
  facts: VersionFacts;
  contentFiles: string[];
  diffFiles: string[];
  changesFile?: string;
  timeoutSeconds: number;
  retries: number;
  concurrency: number;
  failOnError: boolean;
  /** Webhook name → the id of the message an `update: true` webhook edits. */
  messageIds: Record<string, string>;
  /** Where this workflow run keeps its delivery record; none outside a run. */
  record?: RecordSettings;
  githubToken: string;
  release?: string;
  patchkit?: PatchKitSource;
  github: GitHubEnvironment;
  apiUrl: string;
  eventPath?: string;
}

export type InputReader = (name: string) => string;

/** Settings with a fallback for each invalid input, and the problems of those inputs. */
export function readSettings(
  input: InputReader,
  env: NodeJS.ProcessEnv
): { settings: Settings; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = (name: string) => input(name).trim();
  const optional = (name: string) => text(name) || undefined;
  const invalid = (name: string, message: string) =>
    problems.push({ field: `input ${name}`, message });

  const number = (name: keyof typeof NUMBER_RULES) => {
    const rule = NUMBER_RULES[name];
    const raw = text(name);
    if (!raw) return rule.fallback;
    const value = parseNumber(raw, rule);
    if (value === undefined) invalid(name, `"${raw}" is not ${rule.expected}`);
    return value ?? rule.fallback;
  };
  const boolean = (name: string, fallback: boolean) => {
    const raw = text(name);
    if (!raw) return fallback;
    const value = parseBoolean(raw);
    if (value === undefined) invalid(name, `"${raw}" is not true or false`);
    return value ?? fallback;
  };
  const size = (name: string) => {
    const raw = text(name);
    if (!raw) return undefined;
    const bytes = parseByteCount(raw);
    if (bytes !== undefined) return bytes;
    invalid(name, `"${raw}" is not a size in bytes (a whole number, 0 or more)`);
    return undefined;
  };
  const jsonObject = (name: string): Record<string, string> => {
    const raw = text(name);
    if (!raw) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // The text may hold secrets: say what is wrong without echoing it.
      invalid(name, 'is not valid JSON; pass a JSON object such as ${{ toJSON(secrets) }}');
      return {};
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      invalid(name, 'must be a JSON object of names to values');
      return {};
    }
    return textValues(parsed);
  };

  const testRaw = text('test').toLowerCase();
  let test: TestMode = 'off';
  if (testRaw === 'send') test = 'send';
  else if (testRaw) test = boolean('test', false) ? 'dry-run' : 'off';

  const eventRaw = text('event') || DEFAULT_EVENT;
  if (!isKnownEvent(eventRaw))
    invalid('event', `"${eventRaw}" is not one of ${KNOWN_EVENTS.join(', ')}`);

  const publishedRaw = optional('version-published-at');
  const published = publishedRaw === undefined ? undefined : parseDate(publishedRaw);
  if (publishedRaw !== undefined && !published)
    invalid(
      'version-published-at',
      `"${publishedRaw}" is not a date in the years 1970–9999 (use ISO 8601, e.g. 2026-05-01T12:00:00Z, or Unix seconds)`
    );

  const contentSize = size('version-content-size');
  const diffSize = size('version-diff-size');
  const versionChanges = text('version-changes');
  const prereleaseRaw = text('version-prerelease');
  const prerelease = prereleaseRaw ? boolean('version-prerelease', false) : undefined;
  const versionUrl = optional('version-url');
  if (versionUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(versionUrl))
    invalid('version-url', `"${versionUrl}" is not an http(s) URL`);
  const facts: VersionFacts = {
    appName: optional('app-name'),
    appDisplayName: optional('app-display-name'),
    appGroupName: optional('app-group-name'),
    appDownloadUrl: optional('app-download-url'),
    appDirectDownloadUrl: optional('app-direct-download-url'),
    versionId: optional('version-id'),
    versionLabel: optional('version-label'),
    publishedAt: published ? isoSeconds(published) : undefined,
    contentSize,
    diffSize,
    changes: versionChanges || undefined,
    prerelease,
    versionUrl
  };

  const patchkitVersion = text('patchkit-version') || 'latest';
  if (patchkitVersion !== 'latest' && !/^\d+$/.test(patchkitVersion))
    invalid('patchkit-version', `"${patchkitVersion}" is not latest or a version id`);
  const patchkitApiUrl = text('patchkit-api-url') || 'https://api.patchkit.net';
  if (!/^https?:\/\/[^\s/]+/.test(patchkitApiUrl))
    invalid('patchkit-api-url', `"${patchkitApiUrl}" is not an http(s) URL`);
  const patchkitAppSecret = text('patchkit-app-secret');

  const secrets = jsonObject('secrets');
  const messageIds = messageIdsOf(text('message-ids'), message => invalid('message-ids', message));
  const github = githubEnvironment(env);
  const eventPath = env.GITHUB_EVENT_PATH || undefined;
  const secretsUnavailable = !text('secrets')
    ? undefined
    : github.eventName === 'pull_request' && pullRequestFromFork(eventPath)
      ? 'a pull request from a fork'
      : github.actor === 'dependabot[bot]'
        ? "a run of Dependabot's, which gets only Dependabot's secrets"
        : Object.keys(secrets).every(name => name.toLowerCase() === 'github_token')
          ? 'the `secrets` input holds only github_token'
          : undefined;

  const settings: Settings = {
    configPath: text('config') || '.github/webhooks.yml',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    event: isKnownEvent(eventRaw) ? eventRaw : DEFAULT_EVENT,
    test,
    only: list(input('only')),
    secrets,
    secretAccess: !text('secrets') ? 'not-given' : secretsUnavailable ? 'unavailable' : 'known',
    secretsUnavailable,
    vars: jsonObject('vars'),
    facts,
    contentFiles: contentSize === undefined ? list(input('version-content-files')) : [],
    diffFiles: diffSize === undefined ? list(input('version-diff-files')) : [],
    changesFile: facts.changes === undefined ? optional('version-changes-file') : undefined,
    timeoutSeconds: number('timeout'),
    retries: number('retries'),
    concurrency: number('concurrency'),
    failOnError: boolean('fail-on-error', true),
    messageIds,
    record: env.GITHUB_RUN_ID
      ? {
          runId: env.GITHUB_RUN_ID,
          attempt: Number(env.GITHUB_RUN_ATTEMPT) || 1,
          folder: env.RUNNER_TEMP || tmpdir(),
          resend: boolean('resend', false),
          serviceAvailable: Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL)
        }
      : undefined,
    githubToken: text('github-token'),
    release: optional('release'),
    patchkit: patchkitAppSecret
      ? {
          appSecret: patchkitAppSecret,
          version: patchkitVersion,
          apiKey: optional('patchkit-api-key'),
          apiUrl: patchkitApiUrl
        }
      : undefined,
    github,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    eventPath
  };
  return { settings, problems };
}

/** `{"Discord": "1234…"}`: a JSON object of ids, each text or a whole number. */
function messageIdsOf(raw: string, invalid: (message: string) => void): Record<string, string> {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    invalid('is not valid JSON; pass an object such as {"Discord": "1234567890123456789"}');
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    invalid('must be a JSON object of webhook names to message ids');
    return {};
  }
  const ids: Record<string, string> = {};
  for (const [name, id] of Object.entries(parsed)) {
    if (typeof id === 'string' && id.trim()) ids[name] = id.trim();
    else if (typeof id === 'number' && Number.isSafeInteger(id)) ids[name] = String(id);
    else invalid(`the id of "${name}" must be a non-empty string (write large ids in quotes)`);
  }
  return ids;
}
