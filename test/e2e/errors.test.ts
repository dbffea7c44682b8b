import { afterEach, describe, expect, it } from '@jest/globals';
import { annotations, errorMessages, runAction } from '../support/action.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

function properties(text: string): Record<string, string> {
  return Object.fromEntries(text.split(',').map(pair => pair.split('=') as [string, string]));
}

describe('bad input gets a clear error', () => {
  it.each(['false', 'true'])(
    'a misspelt variable fails at its line and column (test: %s), and nothing is sent',
    async test => {
      receiver = await startReceiver();
      const run = await runAction({
        config: `webhooks:
  - name: Good
    url: "${receiver.url}/good"
  - name: Discord
    url: "${receiver.url}/discord"
    payload:
      content: "{{ app.name }} {{ versio.label }}"
`,
        inputs: { test }
      });
      expect(run.code).toBe(1);
      expect(receiver.requests).toHaveLength(0);
      const [error] = annotations(run.stdout);
      expect(properties(error.properties)).toMatchObject({
        file: '.github/webhooks.yml',
        line: '7',
        col: '35'
      });
      expect(error.message).toContain('webhooks[1].payload.content');
      expect(error.message).toContain('(Discord)');
      expect(error.message).toContain('versio');
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
      expect(run.results.map(r => [r.name, r.ok])).toEqual([
        ['Good', test === 'true'],
        ['Discord', false]
      ]);
    }
  );

  it('reports every config error of the file together, each at its place', async () => {
    const run = await runAction({
      config: `defaults:
  timout: 5
webhooks:
  - name: A
    url: https://example.com/a
    method: FETCH
    format: xml
  - name: A
    url: https://example.com/b
    event: version_deleted
    retries: many
    enabled: "yes"
  - name: C
    headers:
      Bad Name: x
`
    });
    expect(run.code).toBe(1);
    const errors = annotations(run.stdout).filter(a => a.properties.includes('file='));
    const found = errors.map(e => [
      properties(e.properties).line,
      properties(e.properties).col,
      e.message
    ]);
    const expectations: Array<[string, string, RegExp]> = [
      ['2', '3', /defaults\.timout: unknown key `timout`; did you mean `timeout`\?/],
      [
        '6',
        '13',
        /webhooks\[0\]\.method \(A\): "FETCH" is not one of GET, HEAD, POST, PUT, PATCH, DELETE/
      ],
      ['7', '13', /webhooks\[0\]\.format \(A\): "xml" is not one of json, form, text/],
      ['8', '11', /webhooks\[1\]\.name: duplicate name "A"/],
      ['10', '12', /webhooks\[1\]\.event \(A\): unknown event "version_deleted"/],
      ['11', '14', /webhooks\[1\]\.retries \(A\): must be a whole number/],
      ['12', '14', /webhooks\[1\]\.enabled \(A\): must be true or false/],
      ['15', '7', /webhooks\[2\]\.headers\.Bad Name \(C\): "Bad Name" is not a valid header name/],
      ['13', '5', /webhooks\[2\]\.url \(C\): is required/]
    ];
    for (const [line, col, message] of expectations) {
      expect(found).toContainEqual([line, col, expect.stringMatching(message)]);
    }
    expect(errors).toHaveLength(expectations.length);
    expect(annotations(run.stdout).at(-1)?.message).toMatch(/9 problems/);
  });

  it('a JSON payload string that is not JSON is reported at its line', async () => {
    const run = await runAction({
      config: `webhooks:
  - url: https://example.com/a
    payload: |
      {
        "content": "{{ version.label }}",
        "size": {{ version.content_size }}
      }
`
    });
    expect(run.code).toBe(1);
    const [error] = annotations(run.stdout);
    expect(properties(error.properties)).toMatchObject({ line: '6' });
    expect(error.message).toContain('webhooks[0].payload');
    expect(error.message).toContain('must be JSON');
  });

  it('an unknown filter inside a JSON-text payload points into the text', async () => {
    const run = await runAction({
      config: `webhooks:
  - url: https://example.com/a
    payload: |
      {
        "content": "{{ version.label | shout }}"
      }
`,
      inputs: { test: 'true' }
    });
    expect(run.code).toBe(1);
    const [error] = annotations(run.stdout);
    expect(properties(error.properties)).toMatchObject({ line: '5', col: '21' });
    expect(error.message).toMatch(/unknown filter `shout`/);
  });

  it.each([
    ['a missing config file', {}, /input config.*\.github\/webhooks\.yml does not exist/],
    [
      'malformed YAML',
      { config: 'webhooks:\n  - url: [unclosed\n' },
      /\.github\/webhooks\.yml:\d+:\d+: invalid YAML/
    ],
    ['an empty file', { config: '' }, /the file must be a map/],
    ['an empty webhooks list', { config: 'webhooks: []\n' }, /webhooks: is empty/],
    ['a list at the top', { config: '- url: https://x.example\n' }, /the file must be a map/]
  ])('%s is an error', async (_name, options, message) => {
    const run = await runAction(options);
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(message);
  });

  it('a rendered URL that is not http(s), or a header value with a line break, is refused', async () => {
    const run = await runAction({
      config: `webhooks:
  - name: Ftp
    url: "ftp://{{ app.name }}"
  - name: Injected
    url: https://example.com/
    headers:
      X-Label: "{{ version.label }}"
`,
      inputs: { 'version-label': '1.0' }
    });
    expect(run.code).toBe(1);
    const messages = errorMessages(run.stdout);
    expect(messages).toMatch(
      /webhooks\[0\]\.url \(Ftp\): the rendered URL must be an absolute http: or https: URL/
    );

    const injected = await runAction({
      config: `webhooks:\n  - url: https://example.com/\n    headers:\n      X-Label: "{{ version.changes }}"\n`,
      inputs: { 'version-changes': 'a\r\nX-Evil: 1' }
    });
    expect(injected.code).toBe(1);
    expect(annotations(injected.stdout)[0].message).toMatch(/headers\.X-Label.*line break/);
  });

  it.each([
    ['version-content-size', '12 MB', /input version-content-size: "12 MB" is not a size in bytes/],
    ['version-diff-size', '-1', /input version-diff-size/],
    ['version-published-at', 'yesterday', /input version-published-at: "yesterday" is not a date/],
    [
      'version-content-files',
      'build/*.zip',
      /input version-content-files: "build\/\*\.zip" matches no file/
    ],
    [
      'version-changes-file',
      'CHANGES.md',
      /input version-changes-file: "CHANGES\.md" does not exist/
    ],
    ['secrets', '{"A": ', /input secrets: is not valid JSON/],
    ['secrets', '["a"]', /input secrets: must be a JSON object/],
    ['vars', '42', /input vars: must be a JSON object/],
    ['event', 'version_deleted', /input event: "version_deleted" is not one of/],
    ['test', 'maybe', /input test: "maybe" is not true or false/],
    ['timeout', '0', /input timeout/],
    ['retries', '1.5', /input retries/],
    ['concurrency', 'lots', /input concurrency/],
    ['fail-on-error', 'nope', /input fail-on-error/],
    ['only', 'Slack', /input only: no webhook named "Slack"/]
  ])('input %s = %j is an error naming the input', async (input, value, message) => {
    const run = await runAction({
      config: 'webhooks:\n  - name: Discord\n    url: https://example.com/\n',
      inputs: { [input]: value }
    });
    expect(run.code).toBe(1);
    expect(errorMessages(run.stdout)).toMatch(message);
    expect(run.stdout).not.toContain('"A": ');
  });
});
