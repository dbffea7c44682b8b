import { afterEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILT } from '../support/built.js';
import { annotations, runAction } from '../support/action.js';
import { startProxy } from '../support/proxy.js';
import { startActionsCache } from '../support/fakes/actions-cache.js';
import { startReceiver, TEST_CERTIFICATE, type Receiver } from '../support/receiver.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const TRICKY_CHANGELOG =
  'Fixed "quotes", back\\slashes \\n and\nnew lines\r\n\ttabs, emoji 🚀🎮, a bell \u0007 and {{ secrets.TOKEN }} {% raw %}';

describe('delivering a release', () => {
  it('posts the rendered JSON payload with the release facts from inputs', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:
  - name: Discord
    url: "${receiver.url}/discord?x=1"
    payload:
      content: "{{ app.display_name }} {{ version.label }} is out ({{ version.humanized_content_size }})"
      size: "{{ version.content_size }}"
      flag: true
      count: 3
`,
      inputs: {
        'app-display-name': 'Space Game',
        'version-label': '2.3.0',
        'version-content-size': '157286400'
      }
    });
    expect(run.code).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/discord?x=1');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toMatch(/^release-webhooks\/\d+\.\d+\.\d+$/);
    expect(request.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(
      60
    );
    expect(JSON.parse(request.text)).toEqual({
      content: 'Space Game 2.3.0 is out (150 MB)',
      size: '157286400',
      flag: true,
      count: 3
    });
    expect(run.outputs).toMatchObject({ sent: '1', failed: '0', skipped: '0' });
    expect(run.results[0]).toMatchObject({
      name: 'Discord',
      event: 'version_published',
      method: 'POST',
      status: 204,
      ok: true,
      skipped: null,
      attempts: 1,
      error: null
    });
    expect(run.summary).toContain('| Discord |');
  });

  it('a changelog with quotes, backslashes, newlines, emoji and {{ … }} arrives verbatim', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:
  - url: "${receiver.url}/json"
    payload: { changes: "{{ version.changes }}" }
  - url: "${receiver.url}/json-text"
    payload: '{"changes": "{{ version.changes }}"}'
  - url: "${receiver.url}/form"
    format: form
    payload: { changes: "{{ version.changes }}" }
  - url: "${receiver.url}/text"
    format: text
    payload: "{{ version.changes }}"
`,
      files: { 'CHANGELOG-latest.md': TRICKY_CHANGELOG },
      inputs: {
        'version-changes-file': 'CHANGELOG-latest.md',
        secrets: '{"TOKEN":"do-not-render-me"}'
      }
    });
    expect(run.code).toBe(0);
    const byPath = Object.fromEntries(receiver.requests.map(r => [r.url, r]));
    expect(JSON.parse(byPath['/json'].text).changes).toBe(TRICKY_CHANGELOG);
    expect(JSON.parse(byPath['/json-text'].text).changes).toBe(TRICKY_CHANGELOG);
    expect(new URLSearchParams(byPath['/form'].text).get('changes')).toBe(TRICKY_CHANGELOG);
    expect(byPath['/form'].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(byPath['/text'].text).toBe(TRICKY_CHANGELOG);
    expect(byPath['/text'].headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('takes the version from a release event payload', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:
  - url: "${receiver.url}/"
    payload:
      text: "{{ version.id }} {{ version.label }} {{ version.published_at }} {{ version.prerelease }} {{ version.humanized_content_size }}"
      download: "{{ app.download_url }} {{ app.direct_download_url }} {{ version.url }}"
      changes: "{{ version.changes }}"
`,
      event: {
        name: 'release',
        payload: {
          action: 'published',
          release: {
            id: 1234,
            tag_name: 'v3.0.0',
            html_url: 'https://github.com/octo-org/space-game/releases/tag/v3.0.0',
            body: 'New levels',
            published_at: '2026-05-01T10:20:30.123Z',
            prerelease: true,
            assets: [
              { size: 1024, browser_download_url: 'https://github.com/dl/game.zip' },
              { size: 512, browser_download_url: 'https://github.com/dl/game.tar' }
            ]
          }
        }
      }
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(receiver.requests[0].text)).toEqual({
      text: '1234 v3.0.0 2026-05-01T10:20:30Z true 1.5 KB',
      download:
        'https://github.com/octo-org/space-game/releases/tag/v3.0.0 https://github.com/dl/game.zip https://github.com/octo-org/space-game/releases/tag/v3.0.0',
      changes: 'New levels'
    });
  });

  it('sums the sizes of the files the globs match', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:\n  - url: "${receiver.url}/"\n    payload: { size: "{{ version.content_size }} {{ version.humanized_content_size }} {{ version.humanized_diff_size }}" }\n`,
      files: {
        'build/a.zip': 'x'.repeat(1000),
        'build/b.zip': 'y'.repeat(1048),
        'build/skip.txt': 'z',
        'patch/p.bin': 'p'.repeat(10)
      },
      inputs: { 'version-content-files': 'build/*.zip', 'version-diff-files': 'patch/**' }
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(receiver.requests[0].text).size).toBe('2048 2 KB 10 Bytes');
  });

  it('sends GET payloads as query parameters and no body', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:\n  - url: "${receiver.url}/ping?a=1"\n    method: get\n    payload: { v: "{{ version.label }}", tags: [x, y], app: { name: "{{ app.name }}" } }\n`,
      inputs: { 'version-label': '1.0 beta&more' }
    });
    expect(run.code).toBe(0);
    const [request] = receiver.requests;
    expect(request.method).toBe('GET');
    expect(request.body).toHaveLength(0);
    expect(request.headers['content-type']).toBeUndefined();
    const query = new URL(request.url, 'http://x').searchParams;
    expect(query.get('a')).toBe('1');
    expect(query.get('v')).toBe('1.0 beta&more');
    expect(query.getAll('tags[]')).toEqual(['x', 'y']);
    expect(query.get('app[name]')).toBe('space-game');
  });

  it('reaches an IPv6 literal host: brackets in the URL and the Host header, none to connect', async () => {
    receiver = await startReceiver(undefined, { host: '::1' });
    const run = await runAction({
      config: `webhooks:\n  - url: "${receiver.url}/hook"\n    retries: 0\n`
    });
    expect(run.code).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0].headers.host).toBe(new URL(receiver.url).host);
    expect(receiver.requests[0].headers.host).toMatch(/^\[::1\]:\d+$/);
  });

  it('sends exactly the rendered headers, the body length, and a connection of its own', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:\n  - url: "${receiver.url}/hook"\n    headers: { X-Team: games, content-length: "1" }\n    payload: { v: "{{ version.label }} ✓" }\n`,
      inputs: { 'version-label': '1.0.0' }
    });
    expect(run.code).toBe(0);
    const [request] = receiver.requests;
    expect(request.text).toBe('{"v":"1.0.0 ✓"}');
    expect(request.headers['content-length']).toBe(String(request.body.length));
    expect(request.headers['x-team']).toBe('games');
    expect(request.headers.connection).toBe('close');
  });

  it('does not follow a redirect and reports where it pointed', async () => {
    receiver = await startReceiver((_req, res) => {
      res.writeHead(302, { Location: 'https://elsewhere.example/hook' }).end();
    });
    const run = await runAction({
      config: `webhooks:\n  - name: Moved\n    url: "${receiver.url}/old"\n`
    });
    expect(run.code).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ ok: false, status: 302, attempts: 1 });
    expect(String(run.results[0].error)).toContain('https://elsewhere.example/hook');
    expect(annotations(run.stdout).some(a => a.message.includes('Moved'))).toBe(true);
  });

  it('one failing webhook never stops the others; continue-on-error and fail-on-error decide the step', async () => {
    receiver = await startReceiver((req, res) => {
      res.writeHead(req.url === '/gone' ? 410 : 200).end('ok');
    });
    const config = (tolerant: boolean) => `webhooks:
  - name: Gone
    url: "${receiver!.url}/gone"
    continue-on-error: ${tolerant}
  - name: Fine
    url: "${receiver!.url}/fine"
`;
    const strict = await runAction({ config: config(false) });
    expect(strict.code).toBe(1);
    expect(strict.results.map(r => [r.name, r.ok, r.status])).toEqual([
      ['Gone', false, 410],
      ['Fine', true, 200]
    ]);
    expect(strict.results[0].attempts).toBe(1);
    expect(strict.outputs).toMatchObject({ sent: '1', failed: '1' });

    const tolerant = await runAction({ config: config(true) });
    expect(tolerant.code).toBe(0);
    expect(annotations(tolerant.stdout, 'warning').some(a => a.message.includes('Gone'))).toBe(
      true
    );

    const lenient = await runAction({
      config: config(false),
      inputs: { 'fail-on-error': 'false' }
    });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs.failed).toBe('1');
  });

  it('skips disabled webhooks, false conditions and other events', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:
  - name: Off
    url: "${receiver.url}/off"
    enabled: false
  - name: Stable only
    url: "${receiver.url}/stable"
    when: version.prerelease == false and version.label contains "beta"
  - name: Failed processing
    url: "${receiver.url}/failed"
    event: [version_process_failed]
  - name: Always
    url: "${receiver.url}/always"
    when: "{{ version.label != blank }}"
`,
      inputs: { 'version-label': '2.0' }
    });
    expect(run.code).toBe(0);
    expect(receiver.requests.map(r => r.url)).toEqual(['/always']);
    expect(run.results.map(r => [r.name, r.skipped === null ? null : 'skipped'])).toEqual([
      ['Off', 'skipped'],
      ['Stable only', 'skipped'],
      ['Always', null]
    ]);
    expect(run.outputs).toMatchObject({ sent: '1', skipped: '2', failed: '0' });

    const failedEvent = await runAction({
      config: `webhooks:\n  - name: Failed processing\n    url: "${receiver.url}/failed"\n    event: version_process_failed\n    payload: { e: "{{ event.name }}" }\n`,
      inputs: { event: 'version_process_failed' }
    });
    expect(failedEvent.code).toBe(0);
    expect(receiver.requests.at(-1)?.text).toBe('{"e":"version_process_failed"}');
  });
});

describe('announce once (SPEC §15)', () => {
  it('a re-run sends the same webhook-id; another version, event or webhook gets another', async () => {
    receiver = await startReceiver((_request, response, count) =>
      response.writeHead(count === 1 ? 503 : 200).end()
    );
    const config = `webhooks:
  - name: Store
    url: "${receiver.url}/store"
    event: [version_published, version_processed]
  - name: Mirror
    url: "${receiver.url}/mirror"
`;
    const ids = async (inputs: Record<string, string>) => {
      const from = receiver!.requests.length;
      await runAction({ config, inputs: { retries: '2', ...inputs } });
      return receiver!.requests.slice(from).map(r => `${r.url} ${String(r.headers['webhook-id'])}`);
    };
    const first = await ids({ 'version-label': '1.4.0' });
    // The first attempt was refused (503) and retried: the retry kept its id.
    expect(first).toHaveLength(3);
    expect(new Set(first.filter(line => line.startsWith('/store'))).size).toBe(1);
    expect(first[0]).toMatch(
      /^\/store [0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    );
    const again = await ids({ 'version-label': '1.4.0' });
    expect(new Set(again)).toEqual(new Set(first));
    const idAt = (lines: string[], url: string) =>
      lines.find(line => line.startsWith(url))!.split(' ')[1];
    const [store, mirror] = [idAt(first, '/store'), idAt(first, '/mirror')];
    expect(store).not.toBe(mirror);
    const other = await ids({ 'version-label': '1.4.1' });
    expect(other.map(line => line.split(' ')[1])).not.toContain(store);
    const processed = await ids({ 'version-label': '1.4.0', event: 'version_processed' });
    expect(processed[0].split(' ')[1]).not.toBe(store);
  });
});

describe('re-runs never post twice (SPEC §15)', () => {
  it('a re-run skips what an earlier attempt delivered, resend sends it again; outside a cache service nothing is kept', async () => {
    const cache = await startActionsCache();
    const temp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
    let storeUp = false;
    receiver = await startReceiver((request, response) =>
      response.writeHead(request.url === '/store' && !storeUp ? 503 : 200).end()
    );
    const config = `webhooks:\n  - name: Discord\n    url: "${receiver.url}/discord"\n  - name: Store\n    url: "${receiver.url}/store"\n`;
    const attempt = (
      number: number,
      inputs: Record<string, string> = {},
      env: Record<string, string> = {}
    ) =>
      runAction({
        config,
        inputs: { 'version-label': '1.4.0', retries: '0', ...inputs },
        env: {
          GITHUB_RUN_ID: '77',
          GITHUB_RUN_ATTEMPT: String(number),
          RUNNER_TEMP: temp,
          ACTIONS_CACHE_URL: cache.url,
          ACTIONS_RUNTIME_TOKEN: 'runtime-token',
          ...env
        }
      });
    const sentTo = (from: number) => receiver!.requests.slice(from).map(r => r.url);
    try {
      // Attempt 1: Discord is delivered, the store is down.
      const first = await attempt(1);
      expect(first.results.map(r => [r.name, r.ok])).toEqual([
        ['Discord', true],
        ['Store', false]
      ]);
      expect(cache.entries.map(e => e.committed)).toEqual([true]);
      expect(cache.entries[0].key).toMatch(/^release-webhooks-delivered-77-[0-9a-f]{16}-1-\d+$/);

      // "Re-run failed jobs": Discord is not posted again, the store is.
      storeUp = true;
      let from = receiver.requests.length;
      const second = await attempt(2);
      expect(sentTo(from)).toEqual(['/store']);
      expect(second.results.map(r => [r.name, r.ok, r.skipped])).toEqual([
        ['Discord', true, 'delivered in attempt 1'],
        ['Store', true, null]
      ]);
      expect(second.outputs).toMatchObject({ sent: '1', skipped: '1', failed: '0' });

      // A third attempt finds both delivered; resend sends both again.
      from = receiver.requests.length;
      const third = await attempt(3);
      expect(sentTo(from)).toEqual([]);
      expect(third.results.map(r => r.skipped)).toEqual([
        'delivered in attempt 1',
        'delivered in attempt 2'
      ]);
      from = receiver.requests.length;
      await attempt(4, { resend: 'true' });
      expect(sentTo(from).sort()).toEqual(['/discord', '/store']);

      // Another version is another announcement; without a cache service nothing is skipped.
      from = receiver.requests.length;
      await attempt(5, { 'version-label': '1.4.1' });
      expect(sentTo(from).sort()).toEqual(['/discord', '/store']);
      from = receiver.requests.length;
      const bare = await attempt(6, {}, { ACTIONS_CACHE_URL: '' });
      expect(sentTo(from).sort()).toEqual(['/discord', '/store']);
      expect(bare.stdout).toContain('::debug::No Actions cache service');

      // A job whose cache-mode forbids the cache keeps no record, and says so; the release stands.
      const saved = cache.entries.length;
      const forbidden = await attempt(
        7,
        { 'version-label': '2.0.0' },
        { ACTIONS_CACHE_MODE: 'none' }
      );
      expect(forbidden.results.every(r => r.ok)).toBe(true);
      expect(cache.entries).toHaveLength(saved);
      expect(forbidden.stdout).toContain('cache-mode forbids writes');
    } finally {
      await cache.close();
    }
  });

  it('a cache service that fails never fails a delivered release: a warning says so', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:\n  - name: Discord\n    url: "${receiver.url}/discord"\n`,
      inputs: { 'version-label': '1.4.0' },
      env: {
        GITHUB_RUN_ID: '78',
        GITHUB_RUN_ATTEMPT: '1',
        RUNNER_TEMP: temp,
        ACTIONS_CACHE_URL: 'http://127.0.0.1:1/',
        ACTIONS_RUNTIME_TOKEN: 'runtime-token'
      }
    });
    expect(run.code).toBe(0);
    expect(run.results[0].ok).toBe(true);
    expect(run.stdout).toMatch(
      /::warning title=Delivery record::The delivery record was not saved/
    );
  });
});

describe('what a run loads', () => {
  const loaded = async (options: Parameters<typeof runAction>[0]) => {
    const record = path.join(mkdtempSync(path.join(tmpdir(), 'loaded-')), 'loaded.json');
    const run = await runAction({
      ...options,
      env: {
        ...options?.env,
        NODE_OPTIONS: `--require ${path.resolve('test/support/record-loaded.cjs')}`,
        RECORD_LOADED: record
      }
    });
    expect(run.code).toBe(0);
    const { files, builtins } = JSON.parse(readFileSync(record, 'utf8')) as {
      files: string[];
      builtins: string[];
    };
    return {
      fromDist: files
        .filter(file => file.startsWith(BUILT))
        .map(file => path.relative(BUILT, file))
        .sort(),
      builtins
    };
  };

  it('a plain delivery reads only index.js of the bundle', async () => {
    receiver = await startReceiver();
    const config = `webhooks:\n  - url: "${receiver.url}/"\n    payload: { v: "{{ version.label }}" }\n`;
    const plain = await loaded({ config, inputs: { 'version-label': '1.0.0' } });
    expect(plain.fromDist).toEqual(['index.js']);
    expect(receiver.requests.at(-1)?.text).toBe('{"v":"1.0.0"}');
  });

  it('reads YAML with CRLF line endings, anchors and JSON text', async () => {
    receiver = await startReceiver();
    await loaded({
      inputs: { 'version-label': '1.0.0' },
      config: `# Release announcements
webhooks:
  - name: Store
    url: "${receiver.url}/store"
    headers: '{"X-Team": "games"}'
    payload: |
      { "v": "{{ version.label }}", "big": 1234567890123456789 }
`
    });
    expect(receiver.requests.at(-1)?.headers['x-team']).toBe('games');
    expect(receiver.requests.at(-1)?.text).toBe('{"v":"1.0.0","big":1234567890123456789}');

    // A checkout with Windows line endings.
    const crlf = await loaded({
      inputs: { 'version-label': '1.0.0' },
      config: `webhooks:\r\n  - url: "${receiver.url}/crlf"\r\n    payload: |\r\n      { "v": "{{ version.label }}" }\r\n`
    });
    expect(crlf.fromDist).toEqual(['index.js']);
    expect(receiver.requests.at(-1)?.text).toBe('{"v":"1.0.0"}');

    const anchored = await loaded({
      inputs: { 'version-label': '1.0.0' },
      config: `defaults:
  payload: &announcement { v: "{{ version.label }}", id: 1234567890123456789 }
webhooks:
  - url: "${receiver.url}/a"
  - url: "${receiver.url}/b"
    payload: *announcement
`
    });
    expect(anchored.fromDist).toEqual(['index.js']);
    expect(receiver.requests.slice(-2).map(r => r.text)).toEqual([
      '{"v":"1.0.0","id":1234567890123456789}',
      '{"v":"1.0.0","id":1234567890123456789}'
    ]);
  });

  it('globs bring in the glob library; filters and tags bring in Liquid, printing variables does not', async () => {
    receiver = await startReceiver();
    const config = `webhooks:\n  - url: "${receiver.url}/"\n    payload: { v: "{{ version.label }}" }\n`;
    expect(
      (
        await loaded({
          config,
          files: { 'a.zip': 'x' },
          inputs: { 'version-content-files': '*.zip' }
        })
      ).fromDist
    ).toEqual(['glob.js', 'index.js']);

    const liquid = await loaded({
      inputs: { 'version-label': '1.0.0' },
      config: `webhooks:\n  - url: "${receiver.url}/"\n    payload: { v: "{{ version.label | prepend: 'v' }}{% if test %} test{% endif %}" }\n`
    });
    expect(liquid.fromDist).toEqual(['index.js', 'liquid.js']);
    expect(receiver.requests.at(-1)?.text).toBe('{"v":"v1.0.0"}');

    const filtered = await loaded({
      inputs: {
        'version-label': '1.0.0',
        'version-changes': 'Fixed "quotes" & <tags>',
        'version-published-at': '2026-05-01T12:00:00Z'
      },
      config: `webhooks:\n  - url: "${receiver.url}/"\n    payload: { v: "{{ version.label | prepend: 'v' | upcase }} {{ version.changes | escape | truncate: 20 }}", on: "{{ version.published_at | date: '%B %-d, %Y' }}" }\n`
    });
    expect(filtered.fromDist).toEqual(['index.js', 'liquid.js']);
    expect(receiver.requests.at(-1)?.text).toBe(
      '{"v":"V1.0.0 Fixed &#34;quotes...","on":"May 1, 2026"}'
    );
  });

  it('an https delivery loads TLS on demand, and arrives with its exact bytes', async () => {
    receiver = await startReceiver(undefined, { secure: true });
    const secure = await loaded({
      config: `webhooks:\n  - url: "${receiver.url}/hook?x=1"\n    payload: { v: "{{ version.label }} ✓" }\n`,
      inputs: { 'version-label': '1.0.0' },
      env: { NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE }
    });
    expect(secure.builtins).toContain('https');
    expect(secure.builtins).toContain('tls');
    expect(
      receiver.requests.map(r => `${r.method} ${r.url} ${r.headers['content-length']} ${r.text}`)
    ).toEqual(['POST /hook?x=1 17 {"v":"1.0.0 ✓"}']);
  });

  it('a proxy tunnels; a host no_proxy names goes direct', async () => {
    receiver = await startReceiver();
    const tunnels: string[] = [];
    const proxy = await startProxy(receiver.url, tunnels);
    try {
      const config = `webhooks:\n  - url: "http://hooks.release.test/notify"\n`;
      await loaded({ config, env: { http_proxy: proxy.url } });
      expect(tunnels).toEqual(['hooks.release.test:80']);
      await loaded({
        config: `webhooks:\n  - url: "${receiver.url}/"\n`,
        env: { http_proxy: proxy.url, no_proxy: '127.0.0.1' }
      });
      expect(tunnels).toHaveLength(1);
      expect(receiver.requests).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });

  it('a destination or a markup filter brings in destinations.js (the Markdown parser)', async () => {
    receiver = await startReceiver((_request, response) =>
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"1"}')
    );
    const inputs = { 'version-label': '1.0.0', 'version-changes': '- **fast** start' };
    const builtIn = await loaded({
      inputs,
      config: `webhooks:\n  - to: discord\n    url: "${receiver.url}/api/webhooks/1/t"\n`
    });
    expect(builtIn.fromDist).toEqual(['destinations.js', 'index.js']);
    const filtered = await loaded({
      inputs,
      config: `webhooks:\n  - url: "${receiver.url}/"\n    payload: { text: "{{ version.changes | to_slack: 100 }}" }\n`
    });
    expect(filtered.fromDist).toEqual(['destinations.js', 'index.js', 'liquid.js']);
    expect(receiver.requests.at(-1)?.text).toBe('{"text":"• *fast* start"}');
    const withTag = await loaded({
      inputs,
      config: `webhooks:\n  - url: "${receiver.url}/"\n    payload: { text: "{% if version.label %}{{ version.changes | to_slack: 100 | upcase }}{% endif %}" }\n`
    });
    expect(withTag.fromDist).toEqual(['destinations.js', 'index.js', 'liquid.js']);
    expect(receiver.requests.at(-1)?.text).toBe('{"text":"• *FAST* START"}');
  });

  it('signs with both schemes', async () => {
    receiver = await startReceiver();
    const signed = await loaded({
      config: `webhooks:\n  - url: "${receiver.url}/"\n    secret: "{{ secrets.KEY }}"\n    signature: both\n`,
      inputs: { secrets: JSON.stringify({ KEY: 's3cr3t' }) }
    });
    expect(signed.fromDist).toEqual(['index.js']);
    const { headers, text } = receiver.requests.at(-1)!;
    const id = String(headers['webhook-id']);
    const timestamp = String(headers['webhook-timestamp']);
    expect(headers['webhook-signature']).toBe(
      `v1,${createHmac('sha256', 's3cr3t').update(`${id}.${timestamp}.${text}`).digest('base64')}`
    );
    expect(headers['x-hub-signature-256']).toBe(
      `sha256=${createHmac('sha256', 's3cr3t').update(text).digest('hex')}`
    );
  });
});
