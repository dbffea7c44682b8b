// The Actions cache service on 127.0.0.1, as @actions/cache speaks to it without
// ACTIONS_CACHE_SERVICE_V2 (its REST protocol under ACTIONS_CACHE_URL): look up by keys (exact,
// then prefix, newest first, same version), reserve, upload in ranges, commit, download. Entries
// cannot change: a second reserve of a key and version is refused, as the service refuses it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  size: number;
  parts: Map<number, Buffer>;
  committed: boolean;
}

export interface FakeCache {
  /** ACTIONS_CACHE_URL, with the trailing slash @actions/cache needs. */
  url: string;
  entries: CacheEntry[];
  requests: string[];
  close(): Promise<void>;
}

const API = '/_apis/artifactcache/';

export async function startActionsCache(token = 'runtime-token'): Promise<FakeCache> {
  const entries: CacheEntry[] = [];
  const requests: string[] = [];
  const json = (response: ServerResponse, status: number, body?: unknown) =>
    response
      .writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' })
      .end(body === undefined ? undefined : JSON.stringify(body));
  const bodyOf = (entry: CacheEntry) =>
    Buffer.concat([...entry.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part));

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://cache');
      requests.push(`${request.method} ${url.pathname}`);
      const download = /^\/download\/(\d+)$/.exec(url.pathname);
      if (download) {
        const entry = entries.find(e => e.id === Number(download[1]) && e.committed);
        if (!entry) return json(response, 404);
        const body = bodyOf(entry);
        return response.writeHead(200, { 'Content-Length': body.length }).end(body);
      }
      if (request.headers.authorization !== `Bearer ${token}`)
        return json(response, 401, { message: 'Unauthorized' });
      const path = url.pathname.slice(API.length);
      if (request.method === 'GET' && path === 'cache') {
        const keys = (url.searchParams.get('keys') ?? '').split(',');
        const version = url.searchParams.get('version');
        const committed = entries.filter(e => e.committed && e.version === version).reverse();
        const found =
          committed.find(e => e.key === keys[0]) ??
          keys.map(key => committed.find(e => e.key.startsWith(key))).find(Boolean);
        if (!found) return json(response, 204);
        const { port } = server.address() as AddressInfo;
        return json(response, 200, {
          cacheKey: found.key,
          archiveLocation: `http://127.0.0.1:${port}/download/${found.id}`
        });
      }
      const text = Buffer.concat(chunks).toString('utf8');
      if (request.method === 'POST' && path === 'caches') {
        const { key, version } = JSON.parse(text) as { key: string; version: string };
        if (entries.some(e => e.key === key && e.version === version))
          return json(response, 409, {
            message: `Cache already exists. Scope: refs/heads/main, Key: ${key}, Version: ${version}`
          });
        const entry = {
          id: entries.length + 1,
          key,
          version,
          size: 0,
          parts: new Map(),
          committed: false
        };
        entries.push(entry);
        return json(response, 201, { cacheId: entry.id });
      }
      const target = /^caches\/(\d+)$/.exec(path);
      const entry = target && entries.find(e => e.id === Number(target[1]));
      if (!entry || entry.committed) return json(response, 404, { message: 'Cache not found' });
      if (request.method === 'PATCH') {
        const range = /^bytes (\d+)-(\d+)\/\*$/.exec(String(request.headers['content-range']));
        if (!range) return json(response, 400, { message: 'Content-Range is required' });
        entry.parts.set(Number(range[1]), Buffer.concat(chunks));
        return json(response, 204);
      }
      if (request.method === 'POST') {
        const { size } = JSON.parse(text) as { size: number };
        if (size !== bodyOf(entry).length)
          return json(response, 400, {
            message: `Size mismatch: ${size} and ${bodyOf(entry).length}`
          });
        entry.size = size;
        entry.committed = true;
        return json(response, 204);
      }
      json(response, 405, { message: 'Method not allowed' });
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    entries,
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
