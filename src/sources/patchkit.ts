// Reads the published version from PatchKit's API (SPEC §11, shared/PATCHKIT_API.md), retried
// like a delivery when PatchKit is briefly unreachable.
import { HttpClient } from '@actions/http-client';
import { isoSeconds } from '../context/dates.js';
import type { VersionFacts } from '../context/types.js';
import { backoffDelayMs, DEFAULT_BACKOFF, isRetryableStatus } from '../deliver/retry.js';
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

export async function patchKitFacts(source: PatchKitSource, wait = sleep): Promise<VersionFacts> {
  const client = new HttpClient(USER_AGENT, [], {
    allowRedirects: false,
    allowRetries: false,
    socketTimeout: 10_000
  });
  const base = `${source.apiUrl.replace(/\/+$/, '')}/1/apps/${encodeURIComponent(source.appSecret)}`;
  const get = <T>(path: string, query = '') => getJson<T>(client, `${base}${path}${query}`, wait);
  try {
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
    return {
      appName: app.body.name || undefined,
      appDisplayName: app.body.display_name || undefined,
      versionId: id === undefined ? undefined : String(id),
      versionLabel: version.body.label || undefined,
      changes: version.body.changelog ?? undefined,
      // 0 is PatchKit's "not published yet".
      publishedAt:
        typeof published === 'number' && published > 0
          ? isoSeconds(new Date(published * 1000))
          : undefined,
      contentSize: content.found ? content.body.size : undefined,
      // The first version has no diff: PatchKit answers 404.
      diffSize: diff.found ? diff.body.size : undefined
    };
  } finally {
    client.dispose();
  }
}

interface JsonAnswer<T> {
  found: boolean;
  status: number;
  body: T;
}

async function getJson<T>(
  client: HttpClient,
  url: string,
  wait: (ms: number) => Promise<void>
): Promise<JsonAnswer<T>> {
  const policy = { ...DEFAULT_BACKOFF, retries: ATTEMPTS - 1, random: Math.random };
  let problem = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const response = await client.get(url, { Accept: 'application/json' });
      const status = response.message.statusCode ?? 0;
      const text = await response.readBody();
      if (status >= 200 && status < 300)
        return { found: true, status, body: JSON.parse(text) as T };
      if (status === 404 || status === 403) return { found: false, status, body: {} as T };
      problem = `PatchKit answered ${status}`;
      if (!isRetryableStatus(status)) break;
    } catch (error) {
      problem =
        error instanceof SyntaxError
          ? 'PatchKit sent an answer that is not JSON'
          : `PatchKit is unreachable (${describe(error)})`;
      if (error instanceof SyntaxError) break;
    }
    if (attempt < ATTEMPTS) await wait(backoffDelayMs(policy, attempt));
  }
  const shown = url.replace(/\/1\/apps\/[^/?]+/, '/1/apps/***').replace(/\?.*$/, '');
  throw new UserError([{ field: 'input patchkit-api-url', message: `${problem} (GET ${shown})` }]);
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
