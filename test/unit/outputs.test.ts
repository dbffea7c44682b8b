// Templates that only print variables are printed without liquidjs: held to liquidjs here.
import { describe, expect, it } from '@jest/globals';
import { RenderBudget } from '../../src/render/budget.js';
import { createLiquidRenderer } from '../../src/render/liquid.js';
import { isOutputsOnly, printOutputs } from '../../src/render/outputs.js';

const scope = {
  app: { name: 'Space Game', nested: { deep: 'yes' } },
  version: { label: '1.2.3', size: 3, content_size: 157286400, ratio: 1.5, zero: -0, none: null },
  test: false,
  list: [1, 2],
  secrets: { TOKEN: 'tok' }
};

const liquid = createLiquidRenderer();
const byLiquid = (source: string) => {
  try {
    return { text: liquid.render(source, scope, new RenderBudget()) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};
const here = (source: string) => {
  try {
    return { text: printOutputs(source, scope) };
  } catch (error) {
    const { message, line, col } = error as Error & { line: number; col: number };
    return { error: `${message}, line:${line}, col:${col}` };
  }
};

describe('printing variables without liquidjs', () => {
  it.each([
    '',
    'no markup at all } {',
    '{{ app.name }} {{ version.label }} is out',
    '{{app.name}}|{{   version.label\t}}',
    '{{ version.content_size }} {{ version.ratio }} {{ version.zero }} [{{ version.none }}] {{ test }}',
    '{{ app.nested.deep }}\n{{ secrets.TOKEN }}',
    'line one\n  {{ versoin.label }}',
    '{{ version.labl }}',
    '{{ app.nested.missing.more }}',
    '{{ unknown }}'
  ])('prints %j as Liquid does, errors at the same place', source => {
    expect(isOutputsOnly(source, scope)).toBe(true);
    const expected = byLiquid(source);
    const actual = here(source);
    if ('error' in expected)
      expect(String(expected.error).startsWith(actual.error ?? 'no error')).toBe(true);
    else expect(actual).toEqual(expected);
  });

  it.each([
    '{{ version.label | upcase }}',
    '{% if test %}x{% endif %}',
    '{{- app.name -}}',
    '{{ "text" }}',
    '{{ list }}',
    '{{ app.nested }}',
    '{{ version.size }}',
    '{{ app.name.size }}',
    '{{ app.name.first }}',
    '{{ true }}',
    '{{{ app.name }}}',
    '{{ app.name }} {{ unclosed',
    '{{ app["name"] }}'
  ])('leaves %j to Liquid', source => {
    expect(isOutputsOnly(source, scope)).toBe(false);
  });
});
