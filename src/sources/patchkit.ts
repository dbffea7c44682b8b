// Reads the published version from PatchKit's API (SPEC §11, shared/PATCHKIT_API.md), retried
// like a delivery when PatchKit is briefly unreachable.
import { dateOfUnixSeconds, isoSeconds } from '../context/dates.js';
import { API_ANSWER_LIMIT } from '../http-facts.js';
import { exchange } from '../net/exchange.js';
import type { VersionFacts } from '../context/types.js';
import { DEFAULT_BACKOFF, sleep, withRetries } from '../net/retry.js';
import { inputProblem, UserError } from '../problems.js';
import { USER_AGENT } from '../version.js';

export interface PatchKitSource {
  appSecret: string;
  /** `latest` or a version id. */
  version: string;
  apiKey?: string;
  apiUrl: string;
}

interface App {
  name?: string;
  display_name?: string;
}
interface AppVersion {
  id?: number;
  label?: string;
  changelog?: string;
  publish_date?: number;
}
interface Summary {
  size?: number;
}

const ATTEMPTS = 3;

export async function patchKitFacts(
  source: PatchKitSource,
  timeoutMs: number,
  wait = sleep
): Promise<VersionFacts> {
  const base = `${source.apiUrl.replace(/\/+$/, '')}/1/apps/${encodeURIComponent(source.appSecret)}`;
  const get = <T>(path: string, query = '') =>
    getJson<T>(`${base}${path}${query}`, timeoutMs, wait);
  const app = await get<App>('');
  if (!app.found)
    throw inputProblem('patchkit-app-secret', 'PatchKit knows no app with this secret');
  const query = source.apiKey ? `?api_key=${encodeURIComponent(source.apiKey)}` : '';
  const version = await get<AppVersion>(`/versions/${encodeURIComponent(source.version)}`, query);
  if (version.status === 403)
    throw inputProblem('patchkit-api-key', 'PatchKit refused the API key (403)');
  if (!version.found)
    throw inputProblem(
      'patchkit-version',
      `PatchKit has no version "${source.version}" of this app`
    );
  const id = version.body.id;
  const [content, diff] = await Promise.all([
    get<Summary>(`/versions/${id}/content_summary`, query),
    get<Summary>(`/versions/${id}/diff_summary`, query)
  ]);
  const published = version.body.publish_date;
  // 0 is PatchKit's "not published yet".
  const publishedAt =
    typeof published === 'number' && published > 0 ? dateOfUnixSeconds(published) : undefined;
  return {
    appName: app.body.name || undefined,
    appDisplayName: app.body.display_name || undefined,
    versionId: id === undefined ? undefined : String(id),
    versionLabel: version.body.label || undefined,
    changes: version.body.changelog ?? undefined,
    publishedAt: publishedAt ? isoSeconds(publishedAt) : undefined,
    contentSize: content.found ? byteCount(content.body.size) : undefined,
    // The first version has no diff: PatchKit answers 404.
    diffSize: diff.found ? byteCount(diff.body.size) : undefined
  };
}

interface JsonAnswer<T> {
  found: boolean;
  status: number;
  body: T;
}

async function getJson<T>(
  url: string,
  timeoutMs: number,
  wait: (ms: number) => Promise<void>
): Promise<JsonAnswer<T>> {
  const request = {
    method: 'GET',
    url,
    headers: [
      ['Accept', 'application/json'],
      ['User-Agent', USER_AGENT]
    ] as Array<[string, string]>
  };
  const shown = url.replace(/\/1\/apps\/[^/?]+/, '/1/apps/***').replace(/\?.*$/, '');
  const fail = (message: string) =>
    new UserError([{ field: 'input patchkit-api-url', message: `${message} (GET ${shown})` }]);
  const last = await withRetries(
    () => exchange(request, { timeoutMs, keepBytes: API_ANSWER_LIMIT }),
    { ...DEFAULT_BACKOFF, retries: ATTEMPTS - 1, random: Math.random },
    { sleep: wait, now: Date.now }
  );
  const { answer } = last;
  if (!answer) throw fail(`PatchKit is unreachable (${last.error?.message ?? 'no answer'})`);
  if (answer.status === 404 || answer.status === 403)
    return { found: false, status: answer.status, body: {} as T };
  if (last.verdict.kind === 'failed') throw fail(`PatchKit answered ${last.verdict.error}`);
  if (answer.bodyBytes > API_ANSWER_LIMIT)
    throw fail(`PatchKit sent an answer larger than ${API_ANSWER_LIMIT / 1024 / 1024} MiB`);
  try {
    return { found: true, status: answer.status, body: JSON.parse(answer.body) as T };
  } catch {
    throw fail('PatchKit sent an answer that is not JSON');
  }
}

/** A size PatchKit reports, when it is one. */
function byteCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
