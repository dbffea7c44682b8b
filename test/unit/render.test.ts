import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/load.js';
import { buildContext } from '../../src/context/build.js';
import type { VersionContext } from '../../src/context/types.js';
import { contextForMode } from '../../src/plan.js';
import { renderAll, type RenderOutcome } from '../../src/render/request.js';
import { formEncode } from '../../src/render/form.js';

const context: VersionContext = buildContext({
  facts: [
    {
      versionLabel: '1.2.3',
      contentSize: 2048,
      changes: 'Line "one"\nLine \\two\\ {{ secrets.KEY }} 🚀',
      prerelease: false
    }
  ],
  github: {
    serverUrl: 'https://github.com',
    repository: 'octo-org/space-game',
    sha: 'abc',
    ref: 'refs/tags/1.2.3',
    refName: '1.2.3',
    refType: 'tag',
    runId: '7',
    actor: 'octocat',
    eventName: 'push'
  },
  event: 'version_published',
  test: false,
  secrets: { KEY: 's3cr3t' },
  vars: { CHANNEL: 'releases' },
  now: new Date('2026-01-02T03:04:05.678Z')
});

async function render(
  yaml: string,
  ctx: VersionContext = context,
  checkSkipped = false
): Promise<RenderOutcome[]> {
  const config = loadConfig(yaml, 'hooks.yml');
  return renderAll(config.webhooks, ctx, {
    userAgent: 'release-webhooks/test',
    checkSkipped,
    secretPlaceholders: checkSkipped
  });
}

async function ready(yaml: string) {
  const [outcome] = await render(yaml);
  if (outcome.kind !== 'ready') throw new Error(JSON.stringify(outcome));
  return outcome.request;
}

describe('rendering requests', () => {
  it('fills every variable of the context', async () => {
    const request = await ready(`webhooks:
  - url: https://x.example/
    format: text
    payload: "{{ app.name }}|{{ app.display_name }}|{{ app.group_name }}|{{ app.download_url }}|{{ app.direct_download_url }}|{{ version.id }}|{{ version.label }}|{{ version.published_at }}|{{ version.content_size }}|{{ version.humanized_content_size }}|{{ version.diff_size }}|{{ version.humanized_diff_size }}|{{ version.prerelease }}|{{ version.url }}|{{ repository.full_name }}|{{ repository.url }}|{{ github.run_url }}|{{ github.sha }}|{{ event.name }}|{{ webhook.name }}|{{ test }}|{{ vars.CHANNEL }}"
`);
    expect(request.body).toBe(
      'space-game|space-game||https://github.com/octo-org/space-game/releases/latest|https://github.com/octo-org/space-game/releases/latest||1.2.3|2026-01-02T03:04:05Z|2048|2 KB|||false|https://github.com/octo-org/space-game/releases/tag/1.2.3|octo-org/space-game|https://github.com/octo-org/space-game|https://github.com/octo-org/space-game/actions/runs/7|abc|version_published|webhook 1|false|releases'
    );
  });

  it('values are data, never templates: nothing is rendered twice', async () => {
    const request = await ready(
      'webhooks:\n  - url: https://x.example/\n    payload: { c: "{{ version.changes }}" }\n'
    );
    expect(JSON.parse(request.body!).c).toBe('Line "one"\nLine \\two\\ {{ secrets.KEY }} 🚀');
    expect(request.body).not.toContain('s3cr3t');
  });

  it('keeps keys and non-string scalars as written', async () => {
    const request = await ready(`webhooks:
  - url: https://x.example/
    payload:
      "{{ not.a.template }}": "{{ version.label }}"
      n: 42
      f: 1.5
      b: false
      z: null
      list: [1, "{{ version.label }}", { deep: true }]
`);
    expect(JSON.parse(request.body!)).toEqual({
      '{{ not.a.template }}': '1.2.3',
      n: 42,
      f: 1.5,
      b: false,
      z: null,
      list: [1, '1.2.3', { deep: true }]
    });
  });

  it.each([
    ['json', '{"a":"x"}', 'application/json'],
    ['form', 'a=x', 'application/x-www-form-urlencoded'],
    ['text', 'x', 'text/plain; charset=utf-8']
  ])('format %s sets the body and Content-Type', async (format, body, type) => {
    const payload = format === 'text' ? '"x"' : '{ a: x }';
    const request = await ready(
      `webhooks:\n  - url: https://x.example/\n    format: ${format.toUpperCase()}\n    payload: ${payload}\n`
    );
    expect(request.body).toBe(body);
    expect(request.headers).toContainEqual(['Content-Type', type]);
  });

  it('numbers written in the file keep their digits in a form body and in a query string', async () => {
    const form = await ready(
      'webhooks:\n  - url: https://x.example/\n    format: form\n    payload: { id: 1234567890123456789, list: [1.50], m: { n: 2 } }\n'
    );
    expect(form.body).toBe('id=1234567890123456789&list%5B%5D=1.50&m%5Bn%5D=2');
    const query = await ready(
      'webhooks:\n  - method: GET\n    url: https://x.example/v\n    payload: { build: 42 }\n'
    );
    expect(query.url).toBe('https://x.example/v?build=42');
    expect(query.shown.url).toBe('https://x.example/v?build=42');
  });

  it('a Content-Type or User-Agent set in headers wins', async () => {
    const request = await ready(
      'webhooks:\n  - url: https://x.example/\n    headers: { content-type: application/vnd.api+json, User-Agent: mine }\n    payload: { a: 1 }\n'
    );
    expect(request.headers).toEqual([
      ['content-type', 'application/vnd.api+json'],
      ['User-Agent', 'mine']
    ]);
  });

  it('with no payload a POST carries the event document', async () => {
    const request = await ready('webhooks:\n  - url: https://x.example/\n');
    expect(JSON.parse(request.body!)).toMatchObject({
      event: 'version_published',
      test: false,
      app: { name: 'space-game' },
      version: { label: '1.2.3', content_size: 2048 },
      repository: { full_name: 'octo-org/space-game' }
    });
  });

  it('adds a GET payload to the query string, keeping the fragment last', async () => {
    const request = await ready(
      'webhooks:\n  - url: "https://x.example/p?a=1#top"\n    method: get\n    payload: { v: "{{ version.label }}" }\n'
    );
    expect(request.url).toBe('https://x.example/p?a=1&v=1.2.3#top');
    expect(request.body).toBeUndefined();
  });

  it('the filters json and human_size, and standard Liquid, are there; dates render in UTC', async () => {
    const request = await ready(`webhooks:
  - url: https://x.example/
    format: text
    payload: '{{ version.changes | json }}|{{ 1536 | human_size }}|{{ version.published_at | date: "%Y-%m-%d %H:%M" }}|{{ app.name | upcase }}'
`);
    expect(request.body).toBe(
      `${JSON.stringify(context.version.changes)}|1.5 KB|2026-01-02 03:04|SPACE-GAME`
    );
  });

  it.each([
    [
      'an unknown variable',
      'url: "https://x.example/{{ versio.label }}"',
      /unknown variable `versio\.label`; did you mean `version\.label`\?/
    ],
    [
      'an unknown property',
      'url: "https://x.example/{{ version.lable }}"',
      /unknown variable `version.lable`/
    ],
    [
      'an unknown filter',
      'url: "https://x.example/{{ app.name | nope }}"',
      /unknown filter `nope`/
    ],
    ['a template syntax error', 'url: "https://x.example/{{ app.name "', /not closed/],
    [
      'a runaway loop',
      'url: "https://x.example/{% for i in (1..100000000) %}{{ i }}{% endfor %}"',
      /render budget|longer than \d+ s|more than \d+ MiB/
    ],
    ['a file include', 'url: "https://x.example/{% include \'/etc/passwd\' %}"', /./],
    ['a relative URL', 'url: "/hooks/{{ app.name }}"', /absolute http: or https: URL/],
    [
      'a rendered javascript: URL',
      'url: "javascript:{{ app.name }}"',
      /absolute http: or https: URL \(found javascript:\)/
    ],
    ['an empty URL', 'url: "{{ app.group_name }}"', /rendered empty/],
    [
      'a non-Latin-1 header value',
      'url: https://x.example/\n    headers: { X-A: "🚀" }',
      /cannot carry/
    ],
    [
      'an empty signing secret',
      'url: https://x.example/\n    secret: "{{ app.group_name }}"',
      /secret rendered empty/
    ]
  ])('%s is a problem at the field', async (_name, fields, message) => {
    const [outcome] = await render(`webhooks:\n  - ${fields}\n`);
    expect(outcome.kind).toBe('failed');
    const problems = outcome.kind === 'failed' ? outcome.problems : [];
    expect(problems[0].message).toMatch(message);
    expect(problems[0].place?.file).toBe('hooks.yml');
  });

  it('reports every broken template of a webhook, not only the first', async () => {
    const [outcome] = await render(
      'webhooks:\n  - url: "{{ a }}"\n    headers: { X-B: "{{ b }}" }\n    payload: { c: "{{ c }}", d: "{{ d }}" }\n'
    );
    expect(outcome.kind === 'failed' && outcome.problems.map(p => p.field)).toEqual([
      'webhooks[0].url',
      'webhooks[0].headers.X-B',
      'webhooks[0].payload.c',
      'webhooks[0].payload.d'
    ]);
  });

  it('when false skips without rendering, unless test mode checks it', async () => {
    const yaml = 'webhooks:\n  - url: "{{ secrets.MISSING }}"\n    when: version.prerelease\n';
    expect(await render(yaml)).toEqual([{ kind: 'skipped', reason: 'when: version.prerelease' }]);
    const dryRun = contextForMode(context, 'dry-run');
    expect((await render(yaml, dryRun, true))[0]).toMatchObject({ kind: 'skipped' });
    const broken = await render(
      'webhooks:\n  - url: "{{ nope }}"\n    when: false\n',
      dryRun,
      true
    );
    expect(broken[0].kind).toBe('failed');
  });

  it('test mode fills what is unknown with samples and keeps what is known', async () => {
    const dryRun = contextForMode(context, 'dry-run');
    expect(dryRun.version.label).toBe('1.2.3');
    expect(dryRun.version.diff_size).toBeGreaterThan(0);
    expect(dryRun.version.humanized_diff_size).not.toBe('');
    expect(dryRun.test).toBe(true);
    expect(dryRun.secrets.KEY).toBe('s3cr3t');
    expect(dryRun.secrets.OTHER).toBe('***OTHER***');
    expect(contextForMode(context, 'send').secrets.OTHER).toBeUndefined();
  });
});

describe('form encoding, Rails-style', () => {
  it.each([
    [{ a: 'x y', b: 1, c: true, d: null }, 'a=x+y&b=1&c=true&d='],
    [
      { app: { name: 'g', tags: ['a', 'b'] } },
      'app%5Bname%5D=g&app%5Btags%5D%5B%5D=a&app%5Btags%5D%5B%5D=b'
    ],
    [{ list: [{ k: 1 }, { k: 2 }] }, 'list%5B%5D%5Bk%5D=1&list%5B%5D%5Bk%5D=2'],
    [{ empty: [] }, 'empty%5B%5D='],
    [{ amp: 'a&b=c', emoji: '🚀' }, 'amp=a%26b%3Dc&emoji=%F0%9F%9A%80']
  ])('%j → %s', async (value, encoded) => {
    expect(formEncode(value)).toBe(encoded);
  });
});
