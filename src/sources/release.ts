// What a GitHub release (from the `release` event payload or the REST API) says about a version.
import { isoSeconds, parseDate } from '../context/dates.js';
import type { VersionFacts } from '../context/types.js';

export interface GitHubRelease {
  id?: number | string;
  tag_name?: string;
  html_url?: string;
  body?: string | null;
  published_at?: string | null;
  created_at?: string | null;
  prerelease?: boolean;
  assets?: Array<{ size?: number; browser_download_url?: string }>;
}

export function releaseFacts(release: GitHubRelease): VersionFacts {
  const assets = release.assets ?? [];
  const published = parseDate(release.published_at ?? release.created_at ?? '');
  return {
    appDownloadUrl: release.html_url || undefined,
    appDirectDownloadUrl: assets[0]?.browser_download_url || undefined,
    versionId: release.id === undefined ? undefined : String(release.id),
    versionLabel: release.tag_name || undefined,
    publishedAt: published ? isoSeconds(published) : undefined,
    contentSize: assets.length > 0 ? assets.reduce((sum, a) => sum + (a.size ?? 0), 0) : undefined,
    changes: release.body ?? undefined,
    prerelease: release.prerelease ?? undefined,
    versionUrl: release.html_url || undefined
  };
}
