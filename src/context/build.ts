import type { EventName } from '../events.js';
import { isoSeconds } from './dates.js';
import { humanSize } from './human-size.js';
import type { GitHubEnvironment, VersionContext, VersionFacts } from './types.js';

export interface ContextOptions {
  /** Facts in priority order: explicit inputs first, then the release, then anything else. */
  facts: VersionFacts[];
  github: GitHubEnvironment;
  event: EventName;
  test: boolean;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  now: Date;
}

export function buildContext(options: ContextOptions): VersionContext {
  const { github } = options;
  const pick = <K extends keyof VersionFacts>(key: K): VersionFacts[K] | undefined =>
    options.facts.find(f => f[key] !== undefined)?.[key];

  const [owner = '', repoName = ''] = github.repository.split('/');
  const repositoryUrl = github.repository ? `${github.serverUrl}/${github.repository}` : '';
  // A branch or a pull request's ref (`7/merge`) is never a version label.
  const given = pick('versionLabel') ?? (github.refType === 'tag' ? github.refName : '');
  const packageTag = splitPackageTag(given);
  const appName = pick('appName') ?? packageTag?.name ?? repoName;
  const downloadUrl =
    pick('appDownloadUrl') ?? (repositoryUrl ? `${repositoryUrl}/releases/latest` : '');
  const contentSize = pick('contentSize') ?? null;
  const diffSize = pick('diffSize') ?? null;

  return {
    app: {
      name: appName,
      display_name: pick('appDisplayName') ?? appName,
      group_name: pick('appGroupName') ?? '',
      download_url: downloadUrl,
      direct_download_url: pick('appDirectDownloadUrl') ?? downloadUrl
    },
    version: {
      id: pick('versionId') ?? '',
      label: packageTag?.version ?? given,
      published_at: pick('publishedAt') ?? isoSeconds(options.now),
      content_size: contentSize,
      humanized_content_size: contentSize === null ? '' : humanSize(contentSize),
      diff_size: diffSize,
      humanized_diff_size: diffSize === null ? '' : humanSize(diffSize),
      changes: pick('changes') ?? '',
      prerelease: pick('prerelease') ?? false,
      // On a tag push, the release page of that tag: previews and the release link alike.
      url:
        pick('versionUrl') ??
        (github.refType === 'tag' && repositoryUrl && github.refName
          ? releasePage(repositoryUrl, github.refName)
          : '')
    },
    repository: {
      name: repoName,
      owner,
      full_name: github.repository,
      url: repositoryUrl
    },
    github: {
      sha: github.sha,
      ref: github.ref,
      ref_name: github.refName,
      run_id: github.runId,
      run_url: repositoryUrl && github.runId ? `${repositoryUrl}/actions/runs/${github.runId}` : '',
      actor: github.actor,
      server_url: github.serverUrl
    },
    event: { name: options.event },
    webhook: { name: '' },
    test: options.test,
    secrets: options.secrets,
    vars: options.vars
  };
}

/**
 * A monorepo's tag names its package (`@space/engine@1.1.0`, `engine@1.1.0`, as changesets and
 * release-please write them): the package is the app, the rest is the version.
 */
export function splitPackageTag(label: string): { name: string; version: string } | undefined {
  const match = /^((?:@[\w.-]+\/)?[\w.-]+)@(v?\d[\w.+-]*)$/.exec(label);
  return match ? { name: match[1], version: match[2] } : undefined;
}

/** A tag's release page, the tag written as GitHub writes it in the path. */
export function releasePage(repositoryUrl: string, tag: string): string {
  return `${repositoryUrl}/releases/tag/${encodeURIComponent(tag).replace(/%2F/g, '/').replace(/%40/g, '@')}`;
}
