// A webhook copied from PatchKit Panel's Webhooks page (JSON headers and payload as text) works
// unchanged.
import { afterEach, describe, expect, it } from '@jest/globals';
import { runAction } from '../support/action.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('moving Panel webhooks to GitHub Actions', () => {
  it('the Panel fields pasted as they are deliver the same request', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      config: `webhooks:
  - name: Store (from the Panel)
    event: version_published
    method: POST
    url: "${receiver.url}/patchkit/{{ app.name }}"
    headers: '{"Authorization": "Bearer {{ secrets.STORE_TOKEN }}", "X-Source": "patchkit"}'
    format: json
    payload: |
      {
        "app": "{{ app.display_name }}",
        "version": "{{ version.label }}",
        "size": "{{ version.humanized_content_size }}",
        "changes": "{{ version.changes }}",
        "published": "{{ version.published_at }}"
      }
  - name: Form (from the Panel)
    url: "${receiver.url}/form"
    format: form
    payload: '{"version": "{{ version.label }}", "app": {"name": "{{ app.name }}"}}'
`,
      inputs: {
        'app-display-name': 'Space Game',
        'version-label': '2.0.1',
        'version-content-size': '5242880',
        'version-changes': 'Fixed "the" crash\n\\o/',
        'version-published-at': '2026-03-04T05:06:07Z',
        secrets: '{"STORE_TOKEN":"tok-42"}'
      }
    });
    expect(run.code).toBe(0);
    const [json, form] = receiver.requests;
    expect(json.url).toBe('/patchkit/space-game');
    expect(json.headers.authorization).toBe('Bearer tok-42');
    expect(json.headers['x-source']).toBe('patchkit');
    expect(JSON.parse(json.text)).toEqual({
      app: 'Space Game',
      version: '2.0.1',
      size: '5 MB',
      changes: 'Fixed "the" crash\n\\o/',
      published: '2026-03-04T05:06:07Z'
    });
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form.text).toBe('version=2.0.1&app%5Bname%5D=space-game');
  });
});
