// Reads a release of the current repository through the GitHub API (input `release`). Octokit is
// imported only here, on demand, so a run without a lookup never loads it.
import { API_ANSWER_LIMIT } from '../http-facts.js';
import type { exchange } from '../net/exchange.js';
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
  /**
   * The action's HTTP exchange (src/net/exchange.ts), passed in rather than imported: this file
   * is a chunk of its own, which would otherwise carry a second copy of it and its HTTP client.
   */
  exchange: typeof exchange;
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
  const octokit = getOctokit(lookup.token, {
    baseUrl: lookup.apiUrl,
    request: { retries: 0, fetch: exchangeFetch(lookup) }
  });
  const byTag = async () =>
    asRelease(await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: lookup.release }));
  try {
    if (!/^\d+$/.test(lookup.release)) return await byTag();
    try {
      const id = Number(lookup.release);
      return asRelease(await octokit.rest.repos.getRelease({ owner, repo, release_id: id }));
    } catch (error) {
      // A numeric name may be a tag rather than an id.
      if (statusOf(error) === 404) return await byTag();
      throw error;
    }
  } catch (error) {
    throw describeFailure(error, lookup);
  }
}

/** Why a lookup failed before GitHub gave a status: in the words the error shows. */
class LookupFailure extends Error {}

/**
 * Octokit's fetch, made of the action's own HTTP exchange: the runner's proxy settings and one
 * timer over the whole exchange, answer included, as deliveries have; and no undici to download
 * (the bundle leaves it out).
 */
function exchangeFetch(lookup: ReleaseLookup) {
  return async (url: string | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = Object.entries((init.headers ?? {}) as Record<string, string>).map(
      ([name, value]): [string, string] => [name, String(value)]
    );
    let answer;
    try {
      answer = await lookup.exchange(
        { method: init.method ?? 'GET', url: String(url), headers },
        { timeoutMs: lookup.timeoutMs, keepBytes: API_ANSWER_LIMIT }
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new LookupFailure(
        /^timed out/.test(message)
          ? `no answer within ${lookup.timeoutMs / 1000} s (input timeout)`
          : message
      );
    }
    if (answer.bodyBytes > API_ANSWER_LIMIT)
      throw new LookupFailure(`the answer is larger than ${API_ANSWER_LIMIT / 1024 / 1024} MiB`);
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers))
      if (value !== undefined)
        for (const each of Array.isArray(value) ? value : [value])
          responseHeaders.append(name, each);
    const empty = answer.status === 204 || answer.status === 304;
    return new Response(empty ? null : answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: responseHeaders
    });
  };
}

/** Octokit hands over a body it could not read as JSON as text: that is no release. */
function asRelease({ data }: { data: unknown }): GitHubRelease {
  if (typeof data !== 'object' || data === null || !('tag_name' in data))
    throw new LookupFailure('the answer is not a release');
  return data as GitHubRelease;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

function describeFailure(thrown: unknown, lookup: ReleaseLookup) {
  // Octokit wraps what its fetch throws; the cause says what happened.
  const cause = (thrown as { cause?: unknown })?.cause;
  const error = cause instanceof LookupFailure ? cause : thrown;
  const status = statusOf(error);
  if (status === 404)
    return inputProblem('release', `no release "${lookup.release}" in ${lookup.repository}`);
  if (status === 401 || status === 403)
    return inputProblem(
      'github-token',
      `GitHub answered ${status} reading release "${lookup.release}": the token is invalid or lacks contents: read`
    );
  const reason = error instanceof Error ? error.message : String(error);
  return inputProblem(
    'release',
    `could not read release "${lookup.release}" from ${lookup.apiUrl}: ${reason}`
  );
}
