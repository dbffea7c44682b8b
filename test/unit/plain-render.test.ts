// The plain renderer against Liquid itself: whatever it accepts, it must render exactly as Liquid
// does; whatever Liquid would render differently or refuse, it must leave to Liquid.
import { describe, expect, it } from '@jest/globals';
import { withSecretPlaceholders } from '../../src/context/samples.js';
import { RenderBudget } from '../../src/render/budget.js';
import { createLiquidRenderer } from '../../src/render/liquid.js';
import { renderPlain } from '../../src/render/plain.js';
import { markupFilters } from '../../src/destinations/index.js';
import { pickWith, seededRandom } from '../support/seeded-random.js';

class Release {
  label = 'class field';
}

const scope = {
  app: { name: 'space-game', display_name: 'Space Game 🚀', size: 3, first: 'F', last: 'L' },
  version: {
    label: '1.2.3',
    content_size: 157286400,
    ratio: 0.1 + 0.2,
    huge: 1e21,
    negative_zero: -0,
    not_a_number: NaN,
    prerelease: false,
    published: true,
    notes: null,
    missing: undefined,
    changes: ['a', 'b'],
    nested: { deeper: { value: 'deep' } },
    empty: ''
  },
  list: ['x', 'y'],
  text: 'words',
  instance: new Release(),
  bare: Object.assign(Object.create(null) as object, { value: 'no prototype' }),
  drop: { toLiquid: () => ({ value: 'from toLiquid' }), value: 'own' },
  true: 'a key named true',
  empty: 'a key named empty',
  secrets: withSecretPlaceholders({ KEY: 's3cr3t' }),
  _under: 'underscore',
  x1: 'digit inside',
  emoji: '🚀🚀🚀🚀🚀🚀',
  lone: '\ud83dab\ude80cd',
  long: 'a long line of release notes that goes on well past fifty characters in all',
  html: 'Tom & "Jerry" <b>bold</b> it\'s',
  padded: '  spaced out \n',
  mixed: 'mIXed CASE ünïcödé',
  notes: '## Added\n\n- **fast** start, see https://x.example/pull/1\n- [x] done'
};

const OUTPUTS = [
  '{{ app.name }}',
  '{{app.display_name}}',
  '{{   version.label   }}',
  '{{ version.content_size }}',
  '{{ version.ratio }}',
  '{{ version.huge }}',
  '{{ version.negative_zero }}',
  '{{ version.not_a_number }}',
  '{{ version.prerelease }}',
  '{{ version.published }}',
  '{{ version.notes }}',
  '{{ version.missing }}',
  '{{ version.changes }}',
  '{{ version.nested.deeper.value }}',
  '{{ version.nested }}',
  '{{ version.empty }}',
  '{{ version.nope }}',
  '{{ nope }}',
  '{{ app.size }}',
  '{{ app.first }}',
  '{{ app.last }}',
  '{{ list.size }}',
  '{{ list.first }}',
  '{{ text.size }}',
  '{{ version.label.size }}',
  '{{ instance.label }}',
  '{{ bare.value }}',
  '{{ drop.value }}',
  '{{ true }}',
  '{{ empty }}',
  '{{ nil }}',
  '{{ secrets.KEY }}',
  '{{ secrets.OTHER }}',
  '{{ _under }}',
  '{{ x1 }}',
  '{{ app.constructor }}',
  '{{ app.toString }}',
  '{{ app.__proto__ }}',
  '{{- app.name -}}',
  '{{ app.name | upcase }}',
  '{{ app.name | truncate: 5 }}',
  '{{ app.name|truncate:5 }}',
  '{{ app.name | truncate }}',
  '{{ app.name | truncate: 0 }}',
  '{{ app.name | truncate: 3 }}',
  '{{ app.name | truncate: 10 }}',
  '{{ app.display_name | truncate: 11 }}',
  '{{ app.display_name | truncate: 12 }}',
  '{{ app.display_name | truncate: 13 }}',
  '{{ emoji | truncate: 4 }}',
  '{{ emoji | truncate: 5 }}',
  '{{ lone | truncate: 2 }}',
  '{{ long | truncate }}',
  '{{ long | truncate: 60 }}',
  '{{ version.content_size | truncate: 3 }}',
  '{{ version.prerelease | truncate: 3 }}',
  '{{ app.name | truncate: 5, "~" }}',
  '{{ app.name | truncate: "5" }}',
  '{{ version.empty | default: "none" }}',
  "{{ version.empty | default: 'none' }}",
  '{{ version.label | default: "none" }}',
  '{{ version.prerelease | default: "no" }}',
  '{{ version.published | default: "no" }}',
  '{{ version.content_size | default: "0" }}',
  '{{ version.negative_zero | default: "zero" }}',
  '{{ version.notes | default: "n" }}',
  '{{ version.empty | default: 5 }}',
  '{{ version.empty | default: "{{" }}',
  '{{ version.empty | default }}',
  '{{ version.empty | default: app.name }}',
  '{{ app.name | upcase: 1 }}',
  '{{ app.name | nope }}',
  '{{ mixed | upcase }}',
  '{{ mixed | downcase }}',
  '{{ mixed | capitalize }}',
  '{{ emoji | capitalize }}',
  '{{ version.prerelease | upcase }}',
  '{{ version.content_size | downcase }}',
  '{{ padded | strip }}',
  '{{ padded | strip: " " }}',
  '{{ html | escape }}',
  '{{ html | escape | json }}',
  '{{ html | json }}',
  '{{ version.label | json }}',
  '{{ version.content_size | json }}',
  '{{ version.not_a_number | json }}',
  '{{ version.huge | json }}',
  '{{ version.published | json }}',
  '{{ version.content_size | human_size }}',
  '{{ app.size | human_size }}',
  '{{ text | human_size }}',
  '{{ version.label | prepend: "v" }}',
  "{{ version.label | append: '-beta' }}",
  '{{ version.label | append: 5 }}',
  '{{ version.label | append: "a\\b" }}',
  '{{ version.label | append }}',
  '{{ long | truncate: 20 | upcase }}',
  '{{ version.empty | default: "none" | upcase }}',
  '{{ version.prerelease | default: "no" | capitalize }}',
  '{{ app.name | upcase | truncate: 4 | json }}',
  '{{ app.name|upcase|downcase }}',
  '{{ notes | json | escape }}',
  "{{ 'literal' }}",
  '{{ list[0] }}',
  '{{ app["name"] }}',
  '{{\napp.name\n}}',
  '{{ }}',
  '{% if true %}yes{% endif %}',
  '{% raw %}{{ app.name }}{% endraw %}'
];

const TEXTS = [
  '',
  'x',
  ' ',
  ' is out ',
  'é',
  '\n',
  '{',
  '}',
  '{{',
  '}}',
  '{%',
  '%}',
  '|',
  '-',
  '"'
];

function templates(count: number): string[] {
  const random = seededRandom(20261128);
  const pick = pickWith(random);
  const made = [...OUTPUTS, ...TEXTS];
  while (made.length < count) {
    let template = '';
    const parts = 1 + Math.floor(random() * 5);
    for (let i = 0; i < parts; i++) template += random() < 0.5 ? pick(TEXTS) : pick(OUTPUTS);
    made.push(template);
  }
  return made;
}

const liquid = createLiquidRenderer();
const budget = () => new RenderBudget();
function liquidOutput(template: string): { output: string } | { error: string } {
  try {
    return { output: liquid.render(template, scope, budget()) };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('the plain renderer', () => {
  it('renders exactly as Liquid whatever it accepts, over 4,000 templates', () => {
    let accepted = 0;
    for (const template of templates(4000)) {
      const plain = renderPlain(template, scope, budget());
      if (plain === undefined) continue;
      accepted++;
      expect({ template, result: liquidOutput(template) }).toEqual({
        template,
        result: { output: plain }
      });
    }
    // The comparison means something only if a good share was accepted.
    expect(accepted).toBeGreaterThan(800);
  });

  it.each([
    '{{ app.name | truncate: 5 }}',
    '{{ app.display_name | truncate: 12 }}',
    '{{ emoji | truncate: 4 }}',
    '{{ lone | truncate: 2 }}',
    '{{ long | truncate }}',
    '{{ version.empty | default: "none" }}',
    '{{ version.prerelease | default: "no" }}',
    '{{ version.content_size | default: "0" }}'
  ])('renders %s itself, as Liquid does', template => {
    const plain = renderPlain(template, scope, budget());
    expect(plain).toBeDefined();
    expect(liquidOutput(template)).toEqual({ output: plain });
  });

  it('accepts the templates releases are made of', () => {
    expect(
      renderPlain(
        '{{ app.display_name }} {{ version.label }} is out ({{ version.content_size }} bytes)',
        scope,
        budget()
      )
    ).toBe('Space Game 🚀 1.2.3 is out (157286400 bytes)');
    expect(
      renderPlain('https://hooks.example/{{ secrets.KEY }}?v={{ version.label }}', scope, budget())
    ).toBe('https://hooks.example/s3cr3t?v=1.2.3');
    expect(renderPlain('{{ secrets.OTHER }}', scope, budget())).toBe('***OTHER***');
    expect(renderPlain('no variables at all', scope, budget())).toBe('no variables at all');
  });

  it('formats dates as Liquid does, or leaves them to it', () => {
    const dates = [
      '2026-05-01T12:00:00Z',
      '2026-05-01T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '1999-12-31T07:05:09Z',
      '2000-01-01T13:30Z',
      '2026-11-28',
      '1780000000',
      1780000000,
      0,
      '2026-05-01T12:00:00+02:00',
      '2026-05-01 12:00',
      'now',
      'soon',
      true
    ];
    const conversions = [...'aAbhBCdeHIjklLmMpPsSuwyY%', 'Q', 'c', 'z', 'Ey', ':z'];
    const formats = [
      ...conversions.flatMap(c => [`%${c}`, `%-${c}`, `%_${c}`, `%0${c}`, `%^${c}`, `%5${c}`]),
      '%B %-d, %Y',
      '%Y-%m-%d %H:%M:%S',
      '%b %e %Y at %l:%M %p',
      '%A the %jth day',
      'no directives',
      '100%',
      '%#B'
    ];
    let accepted = 0;
    for (const value of dates)
      for (const format of formats) {
        const template = `{{ when | date: "${format}" }}`;
        const plain = renderPlain(template, { when: value }, budget());
        if (plain === undefined) continue;
        accepted++;
        expect({ template, value, result: plain }).toEqual({
          template,
          value,
          result: liquid.render(template, { when: value }, budget())
        });
      }
    expect(accepted).toBeGreaterThan(1000);
    expect(renderPlain('{{ when | date: "%Q" }}', { when: dates[0] }, budget())).toBeUndefined();
    expect(renderPlain('{{ when | date: "%Y" }}', { when: 'now' }, budget())).toBeUndefined();
  });

  it('runs the markup filters as Liquid does when the run has them', () => {
    const markup = markupFilters('https://x.example/releases/1');
    const withMarkup = createLiquidRenderer(markup);
    for (const template of [
      '{{ notes | to_discord }}',
      '{{ notes | to_slack: 40 }}',
      '{{ notes | to_telegram: 30 | json }}',
      '{{ notes | to_text | upcase }}',
      '{{ notes | to_discord: "x" }}'
    ]) {
      const plain = renderPlain(template, scope, budget(), markup);
      if (template.endsWith('"x" }}')) expect(plain).toBeUndefined();
      else expect(plain).toBe(withMarkup.render(template, scope, budget()));
    }
    expect(renderPlain('{{ notes | to_discord }}', scope, budget())).toBeUndefined();
  });

  it.each([
    ['a filter it does not know', '{{ app.name | sort }}'],
    ['a tag', '{% if version.prerelease %}beta{% endif %}'],
    ['whitespace control', '{{- app.name }}'],
    ['a literal', '{{ true }}'],
    ['an unknown variable', '{{ version.nope }}'],
    ['nil', '{{ version.notes }}'],
    ['a list', '{{ version.changes }}'],
    ['a map', '{{ version.nested }}'],
    ['an object with toLiquid', '{{ drop.value }}'],
    ['a class instance', '{{ instance.label }}'],
    ['a size of a string', '{{ text.size }}'],
    ['a stray brace', '{ {{ app.name }}'],
    ['a triple brace', '{{{ app.name }}}']
  ])('leaves %s to Liquid', (_name, template) => {
    expect(renderPlain(template, scope, budget())).toBeUndefined();
  });
});
