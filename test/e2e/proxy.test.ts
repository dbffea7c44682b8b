// The runner's proxy settings are honoured: a CONNECT proxy on 127.0.0.1 carries the delivery to
// a host name that only the proxy knows (it leads every tunnel to the local receiver).
import { afterEach, describe, expect, it } from '@jest/globals';
import { errorMessages, runAction } from '../support/action.js';
import { RELEASE, startGitHubApi } from '../support/fake-apis.js';
import { startProxy, type TunnelProxy } from '../support/proxy.js';
import { startReceiver, TEST_CERTIFICATE, type Receiver } from '../support/receiver.js';

let receiver: Receiver | undefined;
let proxy: TunnelProxy | undefined;
afterEach(async () => {
  await receiver?.close();
  await proxy?.close();
  receiver = undefined;
  proxy = undefined;
});

async function startTunnelProxy(
  target: string,
  tunnels: string[],
  host?: '127.0.0.1' | '::1'
): Promise<string> {
  proxy = await startProxy(target, tunnels, host);
  return proxy.url;
}

describe('proxies', () => {
  it('delivers through the proxy of http_proxy', async () => {
    receiver = await startReceiver();
    const tunnels: string[] = [];
    const proxyUrl = await startTunnelProxy(receiver.url, tunnels);
    const run = await runAction({
      config:
        'webhooks:\n  - url: "http://hooks.release.test/notify"\n    payload: { v: "{{ version.label }}" }\n',
      inputs: { 'version-label': '3.1.4' },
      env: { http_proxy: proxyUrl }
    });
    expect(run.code).toBe(0);
    expect(tunnels).toEqual(['hooks.release.test:80']);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0].url).toBe('/notify');
    expect(receiver.requests[0].text).toBe('{"v":"3.1.4"}');
  });

  it("delivers https through https_proxy, authenticating with its URL's credentials", async () => {
    receiver = await startReceiver(undefined, { secure: true });
    const tunnels: string[] = [];
    const proxyUrl = await startTunnelProxy(receiver.url, tunnels);
    const run = await runAction({
      config:
        'webhooks:\n  - url: "https://hooks.release.test/notify"\n    payload: { v: "{{ version.label }}" }\n',
      inputs: { 'version-label': '3.1.4' },
      env: {
        https_proxy: proxyUrl.replace('http://', 'http://ci-bot:p%40ss%3Aw0rd@'),
        no_proxy: 'elsewhere.test',
        NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE
      }
    });
    expect(errorMessages(run.stdout)).toBe('');
    expect(run.code).toBe(0);
    expect(tunnels).toEqual(['hooks.release.test:443']);
    expect(proxy?.authorizations).toEqual([
      `Basic ${Buffer.from('ci-bot:p@ss:w0rd').toString('base64')}`
    ]);
    expect(receiver.requests.map(r => `${r.method} ${r.headers.host} ${r.url} ${r.text}`)).toEqual([
      'POST hooks.release.test /notify {"v":"3.1.4"}'
    ]);
    expect(run.stdout).not.toContain('w0rd');
  });

  it('reaches a proxy whose host is an IPv6 literal', async () => {
    receiver = await startReceiver();
    const tunnels: string[] = [];
    const proxyUrl = await startTunnelProxy(receiver.url, tunnels, '::1');
    const run = await runAction({
      config: 'webhooks:\n  - url: "http://hooks.release.test/notify"\n',
      env: { http_proxy: proxyUrl }
    });
    expect(errorMessages(run.stdout)).toBe('');
    expect(run.code).toBe(0);
    expect(tunnels).toEqual(['hooks.release.test:80']);
    expect(receiver.requests).toHaveLength(1);
  });

  it('times out through the proxy when the server never answers', async () => {
    receiver = await startReceiver(() => undefined);
    const tunnels: string[] = [];
    const proxyUrl = await startTunnelProxy(receiver.url, tunnels);
    const run = await runAction({
      config:
        'webhooks:\n  - url: "http://hooks.release.test/notify"\n    timeout: 0.5\n    retries: 0\n',
      env: { http_proxy: proxyUrl }
    });
    expect(run.code).toBe(1);
    expect(tunnels).toEqual(['hooks.release.test:80']);
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ ok: false, error: 'timed out after 0.5 s' });
  });

  it('reads a release through the proxy too (Octokit fetches with the same exchange)', async () => {
    receiver = await startGitHubApi();
    const tunnels: string[] = [];
    const proxyUrl = await startTunnelProxy(receiver.url, tunnels);
    const run = await runAction({
      config: 'webhooks:\n  - url: "http://hooks.release.test/notify"\n',
      inputs: { release: RELEASE.tag_name, 'github-token': 'ghs_valid_token', test: 'true' },
      env: { http_proxy: proxyUrl, GITHUB_API_URL: 'http://api.release.test' }
    });
    expect(errorMessages(run.stdout)).toBe('');
    expect(run.code).toBe(0);
    expect(tunnels).toEqual(['api.release.test:80']);
    const request = run.results[0].request as { body: string };
    expect(JSON.parse(request.body).version.label).toBe(RELEASE.tag_name);
  });
});
