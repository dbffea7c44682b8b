// The variables templates see (SPEC §3), and the partial facts each source contributes.
import type { EventName } from '../events.js';

/** What one source knows about the published version; the first source that knows a fact wins. */
export interface VersionFacts {
  appName?: string;
  appDisplayName?: string;
  appGroupName?: string;
  appDownloadUrl?: string;
  appDirectDownloadUrl?: string;
  versionId?: string;
  versionLabel?: string;
  /** ISO 8601 UTC, already normalised. */
  publishedAt?: string;
  contentSize?: number;
  diffSize?: number;
  changes?: string;
  prerelease?: boolean;
  versionUrl?: string;
}

export interface GitHubEnvironment {
  serverUrl: string;
  /** owner/name, or empty outside GitHub. */
  repository: string;
  sha: string;
  ref: string;
  refName: string;
  /** `tag` or `branch` (GITHUB_REF_TYPE). */
  refType: string;
  runId: string;
  actor: string;
  eventName: string;
}

export interface VersionContext {
  app: {
    name: string;
    display_name: string;
    group_name: string;
    download_url: string;
    direct_download_url: string;
  };
  version: {
    id: string;
    label: string;
    published_at: string;
    content_size: number | null;
    humanized_content_size: string;
    diff_size: number | null;
    humanized_diff_size: string;
    changes: string;
    prerelease: boolean;
    url: string;
  };
  repository: { name: string; owner: string; full_name: string; url: string };
  github: {
    sha: string;
    ref: string;
    ref_name: string;
    run_id: string;
    run_url: string;
    actor: string;
    server_url: string;
  };
  event: { name: EventName };
  webhook: { name: string };
  test: boolean;
  secrets: Record<string, string>;
  vars: Record<string, string>;
}
