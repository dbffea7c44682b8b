import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { runAction } from '../support/action.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const oneWebhook = (url: string, extra = '') =>
  `webhooks:\n  - name: Hook\n    url: "${url}"\n${extra}`;

describe('delivery that survives the real world', () => {
  it('retries a 503 burst, honouring Retry-After in seconds and as an HTTP date', async () => {
    receiver = await startReceiver((_req, res, count) => {
      if (count === 1) res.writeHead(503, { 'Retry-After': '0' }).end();
      else if (count === 2)
        res.writeHead(429, { 'Retry-After': new Date(Date.now() + 500).toUTCString() }).end();
      else res.writeHead(200).end();
    });
    const run = await runAction({ config: oneWebhook(`${receiver.url}/`) });
    expect(run.code).toBe(0);
    expect(run.results[0]).toMatchObject({ ok: true, status: 200, attempts: 3 });
    expect(run.stdout).toMatch(/503 Service Unavailable \(attempt 1\); retrying in 0 s/);
    expect(run.stdout).toMatch(/429 Too Many Requests \(attempt 2\); retrying in/);
  });

  it('gives up after its retries with an error a person understands', async () => {
    receiver = await startReceiver((_req, res) =>
      res.writeHead(503, { 'Retry-After': '0' }).end('down for maintenance')
    );
    const run = await runAction({ config: oneWebhook(`${receiver.url}/`, '    retries: 3\n') });
    expect(run.code).toBe(1);
    expect(receiver.requests).toHaveLength(4);
    expect(run.results[0]).toMatchObject({
      ok: false,
      status: 503,
      attempts: 4,
      error: '503 Service Unavailable after 4 attempts: down for maintenance'
    });
    expect(run.stdout).toContain('response: down for maintenance');
  });

  it('logs only the first KiB of an answer', async () => {
    receiver = await startReceiver((_req, res) =>
      res.writeHead(400).end(`${'a'.repeat(1024)}${'b'.repeat(4096)}`)
    );
    const run = await runAction({ config: oneWebhook(`${receiver.url}/`) });
    const logged = /response: (\S+)/.exec(run.stdout)?.[1] ?? '';
    expect(logged).toBe('a'.repeat(1024));
  });

  it('the retries input applies to webhooks that set none', async () => {
    receiver = await startReceiver((_req, res) => res.writeHead(500, { 'Retry-After': '0' }).end());
    const run = await runAction({
      config: oneWebhook(`${receiver.url}/`),
      inputs: { retries: '0' }
    });
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ attempts: 1, error: '500 Internal Server Error' });
  });

  it('a Retry-After beyond the cap fails at once and says so', async () => {
    receiver = await startReceiver((_req, res) =>
      res.writeHead(429, { 'Retry-After': '3600' }).end()
    );
    const run = await runAction({ config: oneWebhook(`${receiver.url}/`) });
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0].error).toMatch(
      /429 Too Many Requests: the server asked to retry after 3600 s, longer than the 60 s we wait/
    );
  });

  it('410 Gone and other 4xx are not retried', async () => {
    receiver = await startReceiver((req, res) =>
      res.writeHead(req.url === '/gone' ? 410 : 400).end()
    );
    const run = await runAction({
      config: `webhooks:\n  - url: "${receiver.url}/gone"\n  - url: "${receiver.url}/bad"\n`
    });
    expect(receiver.requests).toHaveLength(2);
    expect(run.results.map(r => r.error)).toEqual([
      '410 Gone (not retried)',
      '400 Bad Request (not retried)'
    ]);
  });

  it('a connection reset is retried', async () => {
    receiver = await startReceiver((_req, res, count) => {
      if (count === 1) res.socket?.resetAndDestroy();
      else res.writeHead(200).end();
    });
    const run = await runAction({ config: oneWebhook(`${receiver.url}/`) });
    expect(run.results[0]).toMatchObject({ ok: true, attempts: 2 });
    expect(run.stdout).toMatch(/connection reset by the server \(attempt 1\); retrying/);
  });

  it('a server that never answers times out per attempt', async () => {
    receiver = await startReceiver(() => undefined);
    const run = await runAction({
      config: oneWebhook(`${receiver.url}/`, '    timeout: 0.5\n    retries: 1\n')
    });
    expect(run.code).toBe(1);
    expect(receiver.requests).toHaveLength(2);
    expect(run.results[0]).toMatchObject({
      ok: false,
      status: null,
      attempts: 2,
      error: 'timed out after 0.5 s (2 attempts)'
    });
    expect(Number(run.results[0].duration_ms)).toBeGreaterThanOrEqual(1000);
  });

  it('a refused connection is reported as such', async () => {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise(resolve => server.close(resolve));
    const run = await runAction({
      config: oneWebhook(`http://127.0.0.1:${port}/`, '    retries: 0\n')
    });
    expect(run.results[0]).toMatchObject({ ok: false, attempts: 1, error: 'connection refused' });
  });

  it('delivers concurrently and reports in config order', async () => {
    const delays: Record<string, number> = { '/a': 600, '/b': 10, '/c': 300, '/d': 10 };
    let inFlight = 0;
    let peak = 0;
    receiver = await startReceiver((req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end();
      }, delays[req.url]);
    });
    const run = await runAction({
      config: `webhooks:\n${['a', 'b', 'c', 'd'].map(n => `  - name: ${n}\n    url: "${receiver!.url}/${n}"\n`).join('')}`,
      inputs: { concurrency: '3' }
    });
    expect(run.code).toBe(0);
    expect(run.results.map(r => r.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(receiver.requests.map(r => r.url)).toEqual(['/a', '/b', '/c', '/d']);
    expect(peak).toBe(3);
  });
});

describe('a response that never ends', () => {
  it('is cut off by the attempt timeout too', async () => {
    receiver = await startReceiver((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial…');
    });
    const run = await runAction({
      config: oneWebhook(`${receiver.url}/`, '    timeout: 0.5\n    retries: 0\n')
    });
    expect(run.code).toBe(1);
    expect(run.results[0]).toMatchObject({
      ok: false,
      attempts: 1,
      error: 'timed out after 0.5 s'
    });
  });
});
