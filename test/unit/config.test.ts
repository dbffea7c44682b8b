import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/load.js';
import type { PayloadTree } from '../../src/config/types.js';
import { UserError, type Problem } from '../../src/problems.js';

function problemsOf(text: string): Problem[] {
  try {
    loadConfig(text, 'hooks.yml');
  } catch (error) {
    if (error instanceof UserError) return error.problems;
    throw error;
  }
  throw new Error('expected problems');
}

describe('loading webhooks.yml', () => {
  it('takes an SMTP URL for to: email, written in the webhook or in defaults', () => {
    const own = loadConfig(
      'webhooks:\n  - to: email\n    url: smtps://mail.example:465\n',
      'h.yml'
    );
    const inherited = loadConfig(
      'defaults:\n  to: email\nwebhooks:\n  - url: smtp://mail.example:587\n',
      'h.yml'
    );
    expect([own.webhooks[0].destination, inherited.webhooks[0].destination]).toEqual([
      'email',
      'email'
    ]);
  });

  it('loads the bundled example', async () => {
    const config = loadConfig(readFileSync('webhooks.example.yml', 'utf8'), 'webhooks.example.yml');
    expect(config.webhooks.map(w => w.name)).toEqual([
      'Discord',
      'Slack',
      'Store backend',
      'Legacy form endpoint',
      'Pager'
    ]);
  });

  it('applies defaults under each webhook, merging headers with the webhook winning', async () => {
    const { webhooks } = loadConfig(
      `defaults:
  headers: { User-Agent: my-ci, X-Team: games }
  timeout: 5
  method: put
webhooks:
  - url: https://a.example
    headers: { x-team: tools }
  - url: https://b.example
    timeout: 20
    method: POST
`,
      'hooks.yml'
    );
    expect(webhooks[0]).toMatchObject({
      name: 'webhook 1',
      timeout: 5,
      method: 'PUT',
      format: 'json',
      signature: 'standard'
    });
    expect(webhooks[0].headers.map(h => [h.name, h.value.source])).toEqual([
      ['User-Agent', 'my-ci'],
      ['x-team', 'tools']
    ]);
    expect(webhooks[1]).toMatchObject({
      name: 'webhook 2',
      timeout: 20,
      method: 'POST',
      events: ['version_published']
    });
  });

  it('reads a payload given as JSON text into templates with their own positions', async () => {
    const { webhooks } = loadConfig(
      `webhooks:
  - url: https://a.example
    payload: |
      {"a": "{{ version.label }}", "n": 2, "list": [true, null]}
`,
      'hooks.yml'
    );
    const payload = webhooks[0].payload;
    expect(payload?.kind).toBe('structured');
    const tree = (payload as { tree: PayloadTree }).tree;
    expect(tree).toMatchObject({
      kind: 'map',
      entries: [
        [
          'a',
          {
            kind: 'template',
            template: { source: '{{ version.label }}', place: { line: 4, col: 14 } }
          }
        ],
        ['n', { kind: 'number', text: '2' }],
        [
          'list',
          {
            kind: 'list',
            items: [
              { kind: 'literal', value: true },
              { kind: 'literal', value: null }
            ]
          }
        ]
      ]
    });
  });

  it('takes headers as a JSON object in a string, as the Panel does', async () => {
    const { webhooks } = loadConfig(
      `webhooks:\n  - url: https://a.example\n    headers: '{"Authorization": "Bearer {{ secrets.T }}", "X-N": 5}'\n`,
      'hooks.yml'
    );
    expect(webhooks[0].headers.map(h => [h.name, h.value.source])).toEqual([
      ['Authorization', 'Bearer {{ secrets.T }}'],
      ['X-N', '5']
    ]);
  });

  it('resolves YAML anchors and aliases', async () => {
    const { webhooks } = loadConfig(
      `webhooks:\n  - url: https://a.example\n    payload: &common { v: "{{ version.label }}" }\n  - url: https://b.example\n    payload: *common\n`,
      'hooks.yml'
    );
    const source = (i: number) => JSON.stringify(webhooks[i].payload).match(/"source":"[^"]*"/g);
    expect(source(1)).toEqual(source(0));
    expect(source(1)).toEqual(['"source":"{{ version.label }}"']);
  });

  it.each([
    [
      'an unknown top-level key',
      'webhook:\n  - url: x\n',
      1,
      1,
      /unknown key `webhook`; did you mean `webhooks`/
    ],
    ['a webhook that is not a map', 'webhooks:\n  - https://a.example\n', 2, 5, /webhooks\[0\]/],
    [
      'name in defaults',
      'defaults:\n  name: x\nwebhooks:\n  - url: https://a.example\n',
      2,
      3,
      /cannot have a default/
    ],
    [
      'an empty event list',
      'webhooks:\n  - url: https://a.example\n    event: []\n',
      3,
      12,
      /lists no event/
    ],
    ['a number as url', 'webhooks:\n  - url: 42\n', 2, 10, /must be a string/],
    [
      'a literal URL that is not http(s)',
      'webhooks:\n  - url: ftp://files.example/\n',
      2,
      10,
      /must be an absolute http: or https: URL \(found ftp:\)/
    ],
    [
      'an SMTP URL for a webhook that is not an email',
      'webhooks:\n  - to: discord\n    url: smtp://mail.example\n',
      3,
      10,
      /must be an absolute http: or https: URL \(found smtp:\)/
    ],
    [
      'an http URL for an email',
      'webhooks:\n  - to: email\n    url: https://mail.example\n',
      3,
      10,
      /must be an smtp: or smtps: URL \(smtps:\/\/mail\.example\.com:465\) \(found https:\)/
    ],
    ['a negative timeout', 'webhooks:\n  - url: https://x\n    timeout: -1\n', 3, 14, /above 0/],
    [
      'text format with a map payload',
      'webhooks:\n  - url: https://x\n    format: text\n    payload: { a: 1 }\n',
      4,
      14,
      /format: text/
    ],
    [
      'a bad JSON header string',
      'webhooks:\n  - url: https://x\n    headers: \'{"a": }\'\n',
      3,
      14,
      /must be a JSON object/
    ],
    [
      'a header value that is a map',
      'webhooks:\n  - url: https://x\n    headers: { X-A: { b: 1 } }\n',
      3,
      21,
      /must be a text value/
    ],
    ['duplicate keys', 'webhooks:\n  - url: x\n    url: y\n', 3, 5, /invalid YAML/],
    [
      'an unknown key in a file with Windows line endings',
      'webhooks:\r\n  - url: https://x\r\n    payload: |\r\n      {}\r\n    methd: PUT\r\n',
      5,
      5,
      /unknown key `methd`; did you mean `method`/
    ]
  ])('%s is reported at its line and column', async (_name, text, line, col, message) => {
    const [problem] = problemsOf(text);
    expect(problem.message + ' ' + (problem.field ?? '')).toMatch(message);
    expect(problem.place).toEqual({ file: 'hooks.yml', line, col });
  });

  it('a JSON syntax error in a block payload points at its line in the file', async () => {
    const [problem] = problemsOf(
      'webhooks:\n  - url: https://x\n    payload: |\n      {\n        "a": 1,\n        "b": oops\n      }\n'
    );
    expect(problem.place?.line).toBe(6);
    expect(problem.field).toBe('webhooks[0].payload');
  });
});

describe('JSON text errors say where', () => {
  it.each([
    ['{"a": oops}', 1, 7, /unexpected "o"/],
    ['{\n  "a": 1,\n  "b": }', 3, 8, /unexpected "}"/],
    ['{"a": 1', 1, 8, /expected ',' or '}'/],
    ['{"a": "line\nbreak"}', 1, 12, /control character/],
    ['{a: 1}', 1, 2, /quoted/],
    ['[1, 2] x', 1, 8, /after the JSON value/],
    ['"\\x"', 1, 2, /invalid escape/],
    [`{"a": ${'['.repeat(300)}`, 1, 262, /nested deeper than 256 levels/]
  ])('%j fails at line %d, column %d', async (text, line, col, reason) => {
    const { parseJsonText } = await import('../../src/config/json-text.js');
    const result = parseJsonText(text);
    expect(result).toMatchObject({ ok: false, line, col });
    expect(result.ok === false && result.message).toMatch(reason);
  });
});
