// adnanh/webhook (Debian's `webhook` package), a real webhook server, started on 127.0.0.1 only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface WebhookServer {
  url: string;
  stop(): Promise<void>;
}

export function hasWebhookServer(): boolean {
  return spawnSync('webhook', ['-version']).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

export async function startWebhookServer(hooks: object[]): Promise<WebhookServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'adnanh-webhook-'));
  const hooksFile = path.join(dir, 'hooks.json');
  writeFileSync(hooksFile, JSON.stringify(hooks));
  const port = await freePort();
  const child: ChildProcess = spawn(
    'webhook',
    ['-hooks', hooksFile, '-ip', '127.0.0.1', '-port', String(port)],
    {
      stdio: 'ignore'
    }
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${url}/`);
      break;
    } catch {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }
  return {
    url,
    stop: () =>
      new Promise(resolve => {
        child.once('exit', () => resolve());
        child.kill();
      })
  };
}
