// Writes the inputs and outputs tables of README.md from action.yml, so the two cannot drift.
// `node scripts/readme-reference.js` rewrites; `--check` exits 1 when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

const cell = text =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')
    .trim();

export function referenceTables(actionYml) {
  const action = parse(actionYml);
  const inputs = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${cell(input.description)} | ${input.default === undefined ? '' : `\`${cell(input.default)}\``} |`
  );
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  );
  return [
    '### Inputs',
    '',
    'All optional.',
    '',
    '| Input | What it does | Default |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '### Outputs',
    '',
    '| Output | What it holds |',
    '| --- | --- |',
    ...outputs
  ].join('\n');
}

const START = '<!-- reference:start (generated from action.yml by scripts/readme-reference.js) -->';
const END = '<!-- reference:end -->';

/** The README with fresh tables, formatted as Prettier formats it. */
export async function withReference(readme, actionYml) {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < 0) throw new Error(`README.md needs the markers ${START} and ${END}`);
  const text = `${readme.slice(0, from + START.length)}\n\n${referenceTables(actionYml)}\n\n${readme.slice(to)}`;
  const options = await resolveConfig('README.md');
  return format(text, { ...options, parser: 'markdown' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync('README.md', 'utf8');
  const updated = await withReference(readme, readFileSync('action.yml', 'utf8'));
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md inputs/outputs are stale: run `node scripts/readme-reference.js`.');
      process.exit(1);
    }
  } else {
    writeFileSync('README.md', updated);
  }
}
