// Test mode fills what is unknown with plausible values, so a preview looks like a real release.
import { secretPlaceholder } from '../placeholder.js';
import { releasePage } from './build.js';
import { humanSize } from './human-size.js';
import type { VersionContext } from './types.js';

const SAMPLE_CONTENT_SIZE = 157_286_400;
const SAMPLE_DIFF_SIZE = 12_897_484;

export function withSampleValues(context: VersionContext): VersionContext {
  const repository = {
    name: context.repository.name || 'sample-app',
    owner: context.repository.owner || 'sample-owner',
    full_name: context.repository.full_name || 'sample-owner/sample-app',
    url: context.repository.url || 'https://github.com/sample-owner/sample-app'
  };
  const appName = context.app.name || repository.name;
  const downloadUrl = context.app.download_url || `${repository.url}/releases/latest`;
  const label = context.version.label || '1.0.0';
  const contentSize = context.version.content_size ?? SAMPLE_CONTENT_SIZE;
  const diffSize = context.version.diff_size ?? SAMPLE_DIFF_SIZE;
  return {
    ...context,
    app: {
      name: appName,
      display_name: context.app.display_name || appName,
      group_name: context.app.group_name || 'Sample group',
      download_url: downloadUrl,
      direct_download_url: context.app.direct_download_url || downloadUrl
    },
    version: {
      ...context.version,
      id: context.version.id || '1',
      label,
      content_size: contentSize,
      humanized_content_size: humanSize(contentSize),
      diff_size: diffSize,
      humanized_diff_size: humanSize(diffSize),
      changes:
        context.version.changes ||
        '- Sample change: faster start-up\n- Sample fix: "quotes" & emoji 🚀',
      url: context.version.url || releasePage(repository.url, label)
    },
    repository,
    github: {
      ...context.github,
      sha: context.github.sha || '0000000000000000000000000000000000000000',
      ref: context.github.ref || `refs/tags/${label}`,
      ref_name: context.github.ref_name || label,
      run_id: context.github.run_id || '1',
      run_url: context.github.run_url || `${repository.url}/actions/runs/1`,
      actor: context.github.actor || 'sample-user',
      server_url: context.github.server_url || 'https://github.com'
    }
  };
}

/** Names engines and serialisers ask any object for: never a secret a template reads. */
const NOT_SECRET_NAMES = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'toLiquid',
  'toJSON',
  'then',
  'next'
]);
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Secrets for a dry run that cannot see the repository's (a fork's pull request): a secret the
 * run lacks renders as `***NAME***`, and its name joins `missing`.
 */
export function withSecretPlaceholders(
  secrets: Record<string, string>,
  missing?: Set<string>
): Record<string, string> {
  const placeholder = (name: string) => {
    if (SECRET_NAME.test(name) && !NOT_SECRET_NAMES.has(name)) missing?.add(name);
    return secretPlaceholder(name);
  };
  return new Proxy(secrets, {
    get: (target, key) =>
      typeof key === 'string' && !(key in target) ? placeholder(key) : target[key as string],
    has: () => true,
    getOwnPropertyDescriptor: (target, key) =>
      Object.getOwnPropertyDescriptor(target, key) ?? {
        value: placeholder(String(key)),
        enumerable: false,
        configurable: true,
        writable: false
      }
  });
}
