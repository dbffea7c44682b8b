// Reads a release of the current repository through the GitHub API (input `release`). Octokit is
// imported only here, on demand, so a run without a lookup never loads it.
import { exchange, TransportError } from '../net/exchange.js';
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
  const octokit = getOctokit(lookup.token, {
    baseUrl: lookup.apiUrl,
    request: { retries: 0, fetch: exchangeFetch(lookup.timeoutMs) }
  });
  const byTag = () =>
    bounded(lookup.timeoutMs, signal =>
      octokit.rest.repos.getReleaseByTag({ owner, repo, tag: lookup.release, request: { signal } })
    );
  try {
    if (!/^\d+$/.test(lookup.release)) return await byTag();
    try {
      const id = Number(lookup.release);
      return await bounded(lookup.timeoutMs, signal =>
        octokit.rest.repos.getRelease({ owner, repo, release_id: id, request: { signal } })
      );
    } catch (error) {
      // A numeric name may be a tag rather than an id.
      if (statusOf(error) === 404) return await byTag();
      throw error;
    }
  } catch (error) {
    throw describeFailure(error, lookup);
  }
}

/** The biggest answer a release lookup reads (a release body is at most 125,000 characters). */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * Octokit's fetch, made of the action's own HTTP exchange: the runner's proxy settings through
 * @actions/http-client, one timer over the whole exchange, and no undici to download (the bundle
 * leaves it out).
 */
function exchangeFetch(timeoutMs: number) {
  return async (url: string | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = Object.entries((init.headers ?? {}) as Record<string, string>).map(
      ([name, value]): [string, string] => [name, String(value)]
    );
    let answer;
    try {
      answer = await exchange(
        { method: init.method ?? 'GET', url: String(url), headers },
        { timeoutMs, keepBytes: MAX_ANSWER_BYTES }
      );
    } catch (error) {
      if (error instanceof TransportError && /^timed out/.test(error.message))
        throw new LookupTimeout();
      throw error;
    }
    if (answer.bodyBytes > MAX_ANSWER_BYTES) throw new NotARelease();
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

class LookupTimeout extends Error {}
class NotARelease extends Error {}

/**
 * One API call, ended when its time is up, the answer's body included. The timer keeps Node
 * running (a signal's own timer does not), so a silent API ends in an error, not an exit; and
 * an answer cut off mid-body, which Octokit hands over as empty text, is no release.
 */
async function bounded(
  timeoutMs: number,
  call: (signal: AbortSignal) => Promise<{ data: unknown }>
): Promise<GitHubRelease> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LookupTimeout());
    }, timeoutMs);
  });
  try {
    const { data } = await Promise.race([call(controller.signal), expired]);
    if (controller.signal.aborted) throw new LookupTimeout();
    if (typeof data !== 'object' || data === null || !('tag_name' in data)) throw new NotARelease();
    return data as GitHubRelease;
  } finally {
    clearTimeout(timer);
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

function describeFailure(thrown: unknown, lookup: ReleaseLookup) {
  // Octokit wraps what its fetch throws; the cause says what happened.
  const cause = (thrown as { cause?: unknown })?.cause;
  const error =
    cause instanceof LookupTimeout ||
    cause instanceof NotARelease ||
    cause instanceof TransportError
      ? cause
      : thrown;
  const status = statusOf(error);
  if (status === 404)
    return inputProblem('release', `no release "${lookup.release}" in ${lookup.repository}`);
  if (status === 401 || status === 403)
    return inputProblem(
      'github-token',
      `GitHub answered ${status} reading release "${lookup.release}": the token is invalid or lacks contents: read`
    );
  const reason =
    error instanceof LookupTimeout
      ? `no answer within ${lookup.timeoutMs / 1000} s (input timeout)`
      : error instanceof NotARelease
        ? 'the answer is not a release'
        : error instanceof Error
          ? error.message
          : String(error);
  return inputProblem(
    'release',
    `could not read release "${lookup.release}" from ${lookup.apiUrl}: ${reason}`
  );
}
