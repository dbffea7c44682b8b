// Reads a release of the current repository through the GitHub API (input `release`). Octokit is
// imported only here, on demand, so a run without a lookup never loads it.
import { inputProblem } from '../problems.js';
import type { GitHubRelease } from './release.js';

export interface ReleaseLookup {
  /** A tag, or a numeric release id. */
  release: string;
  repository: string;
  token: string;
  apiUrl: string;
  /** The whole exchange of each API call. */
  timeoutMs: number;
}

export async function fetchRelease(lookup: ReleaseLookup): Promise<GitHubRelease> {
  const [owner, repo] = lookup.repository.split('/');
  if (!owner || !repo)
    throw inputProblem('release', 'needs GITHUB_REPOSITORY (owner/name) to know where to look');
  if (!lookup.token)
    throw inputProblem(
      'github-token',
      'is empty; a release lookup needs a token with contents: read'
    );
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(lookup.token, { baseUrl: lookup.apiUrl, request: { retries: 0 } });
  // Each call is aborted when its time is up, the answer's body included.
  const bounded = () => ({ request: { signal: AbortSignal.timeout(lookup.timeoutMs) } });
  const byTag = () =>
    withTimeout(
      octokit.rest.repos.getReleaseByTag({ owner, repo, tag: lookup.release, ...bounded() }),
      lookup.timeoutMs
    );
  try {
    if (!/^\d+$/.test(lookup.release)) return (await byTag()).data as GitHubRelease;
    try {
      const id = Number(lookup.release);
      return (
        await withTimeout(
          octokit.rest.repos.getRelease({ owner, repo, release_id: id, ...bounded() }),
          lookup.timeoutMs
        )
      ).data as GitHubRelease;
    } catch (error) {
      // A numeric name may be a tag rather than an id.
      if (statusOf(error) === 404) return (await byTag()).data as GitHubRelease;
      throw error;
    }
  } catch (error) {
    throw describeFailure(error, lookup);
  }
}

class LookupTimeout extends Error {}

/**
 * The signal's timer does not keep Node running; this one does, so that a silent API ends the
 * wait with an error instead of an exit with nothing said.
 */
function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new LookupTimeout(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs
    );
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

function describeFailure(error: unknown, lookup: ReleaseLookup) {
  const status = statusOf(error);
  if (status === 404)
    return inputProblem('release', `no release "${lookup.release}" in ${lookup.repository}`);
  if (status === 401 || status === 403)
    return inputProblem(
      'github-token',
      `GitHub answered ${status} reading release "${lookup.release}": the token is invalid or lacks contents: read`
    );
  const reason =
    error instanceof LookupTimeout || (error as Error)?.name === 'AbortError'
      ? `no answer within ${lookup.timeoutMs / 1000} s (input timeout)`
      : error instanceof Error
        ? error.message
        : String(error);
  return inputProblem(
    'release',
    `could not read release "${lookup.release}" from ${lookup.apiUrl}: ${reason}`
  );
}
