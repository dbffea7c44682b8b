// webhooks.schema.json and the loader are one definition: the schema is generated from the
// loader's keys and limits, and this corpus proves the two agree.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { webhooksSchema } from '../../src/config/schema.js';
import { UserError } from '../../src/problems.js';

const SCHEMA_FILE = 'webhooks.schema.json';
const generated = `${JSON.stringify(webhooksSchema(), null, 2)}\n`;
if (process.env.UPDATE_SCHEMA) writeFileSync(SCHEMA_FILE, generated);

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

async function loaderAccepts(text: string): Promise<boolean> {
  try {
    loadConfig(text, 'corpus.yml');
    return true;
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}

const hook = (extra: string) => `webhooks:\n  - url: https://x.example/\n${extra}`;

const VALID: Array<[string, string]> = [
  ['the example', readFileSync('webhooks.example.yml', 'utf8')],
  ['a minimal file', hook('')],
  [
    'every key',
    hook(`    name: All
    event: [version_published, version_processed]
    method: patch
    headers: { Authorization: "Bearer x", X-Count: 3, X-Flag: true }
    format: Form
    payload: { a: [1, "{{ version.label }}"] }
    when: version.prerelease == false
    enabled: true
    secret: "{{ secrets.KEY }}"
    signature: BOTH
    timeout: 2.5
    retries: 0
    continue-on-error: true
`)
  ],
  ['one event as a string', hook('    event: version_process_failed\n')],
  ['headers as JSON text', hook(`    headers: '{"X-A": "b"}'\n`)],
  ['a JSON-text payload', hook(`    payload: '{"a": "{{ app.name }}"}'\n`)],
  ['a list payload', hook('    payload: [1, two]\n')],
  ['an empty payload', hook('    payload:\n')],
  ['a boolean condition', hook('    when: false\n')],
  ['empty defaults', `defaults:\n${hook('')}`],
  [
    'defaults with shared keys',
    `defaults:\n  timeout: 600\n  retries: 10\n  headers: { X-A: b }\n${hook('')}`
  ],
  [
    'a service with a default url',
    'webhooks:\n  - to: Bluesky\n    auth: { identifier: a, password: b }\n'
  ],
  [
    'anchors and aliases',
    `webhooks:\n  - url: &u https://x.example/\n  - url: *u\n    name: second\n`
  ]
];

const INVALID: Array<[string, string]> = [
  ['an empty document', ''],
  ['a list at the top', '- url: https://x.example/\n'],
  ['no webhooks', 'defaults: {}\n'],
  ['an empty webhooks list', 'webhooks: []\n'],
  ['webhooks as a map', 'webhooks: { url: x }\n'],
  ['an unknown top-level key', `${hook('')}extra: 1\n`],
  ['an unknown webhook key', hook('    urll: x\n')],
  ['an unknown defaults key', `defaults:\n  nope: 1\n${hook('')}`],
  ['name in defaults', `defaults:\n  name: x\n${hook('')}`],
  ['url in defaults', `defaults:\n  url: x\n${hook('')}`],
  ['a missing url', 'webhooks:\n  - name: x\n'],
  ['a missing url where the destination has no default', 'webhooks:\n  - to: discord\n'],
  ['a numeric url', 'webhooks:\n  - url: 5\n'],
  ['an empty name', hook('    name: ""\n')],
  ['a bad method', hook('    method: FETCH\n')],
  ['a bad format', hook('    format: xml\n')],
  ['a bad signature', hook('    signature: md5\n')],
  ['an unknown event', hook('    event: version_deleted\n')],
  ['an empty event list', hook('    event: []\n')],
  ['a bad header name', hook('    headers: { "Bad Name": x }\n')],
  ['a header value map', hook('    headers: { X-A: { b: 1 } }\n')],
  ['headers as a list', hook('    headers: [a]\n')],
  ['a numeric payload', hook('    payload: 5\n')],
  ['a zero timeout', hook('    timeout: 0\n')],
  ['a huge timeout', hook('    timeout: 601\n')],
  ['a text timeout', hook('    timeout: soon\n')],
  ['fractional retries', hook('    retries: 1.5\n')],
  ['too many retries', hook('    retries: 11\n')],
  ['enabled as text', hook('    enabled: "yes"\n')],
  ['continue-on-error as a number', hook('    continue-on-error: 1\n')],
  ['a numeric secret', hook('    secret: 1234\n')],
  ['a key with no value', hook('    method:\n')],
  ['a list condition', hook('    when: [a]\n')]
];

// What a schema cannot say; the loader checks these alone.
const LOADER_ONLY: Array<[string, string]> = [
  ['duplicate names', 'webhooks:\n  - { name: a, url: x }\n  - { name: a, url: y }\n'],
  ['a payload string that is not JSON', hook('    payload: "{ not json"\n')],
  ['a text format with a map payload', hook('    format: text\n    payload: { a: 1 }\n')],
  ['a text payload on a GET', hook('    method: GET\n    format: text\n    payload: hello\n')]
];

describe('webhooks.schema.json', () => {
  it('is generated from the loader definitions (UPDATE_SCHEMA=1 npm run jest to refresh)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it.each(VALID)('schema and loader both accept %s', async (_name, text) => {
    expect(await loaderAccepts(text)).toBe(true);
    expect(validate(parse(text))).toBe(true);
  });

  it.each(INVALID)('schema and loader both refuse %s', async (_name, text) => {
    expect(await loaderAccepts(text)).toBe(false);
    expect(validate(parse(text) ?? null)).toBe(false);
  });

  const recipes = [
    ...readFileSync('docs/destinations.md', 'utf8').matchAll(/```yaml\n(webhooks:[^]*?)```/g)
  ].map(match => [/name: (.+)/.exec(match[1])?.[1] ?? '', match[1]]);
  it.each(recipes)('schema and loader both accept the %s recipe', async (_name, text) => {
    expect(await loaderAccepts(text)).toBe(true);
    expect(validate(parse(text))).toBe(true);
  });

  it.each(LOADER_ONLY)('the loader alone refuses %s', async (_name, text) => {
    expect(await loaderAccepts(text)).toBe(false);
    expect(validate(parse(text))).toBe(true);
  });
});

describe('where editors find the schema', () => {
  it('the example points at the tag users pin, which the release tree holds', () => {
    const first = readFileSync('webhooks.example.yml', 'utf8').split('\n')[0];
    expect(first).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/OWNER/release-webhooks/v1/webhooks.schema.json'
    );
  });
});
