import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};
const readme = readFileSync('README.md', 'utf8');

describe('the README documents the action', () => {
  it.each(Object.keys(action.inputs))('input %s is in the README', name => {
    expect(readme).toContain(`| \`${name}\``);
  });

  it.each(Object.keys(action.outputs))('output %s is in the README', name => {
    expect(readme).toContain(`| \`${name}\``);
  });

  it('runs on node24 from the committed bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
