// Writes the inputs and outputs tables of README.md from action.yml, and the destinations' limits
// from the modules the checks read, so neither can drift.
// `node scripts/readme-reference.js` rewrites; `--check` exits 1 when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** The limits table of every destination, from the modules the checks read (dist/destinations.js). */
export function destinationTables() {
  const { DESTINATIONS } = createRequire(import.meta.url)('../dist/destinations.js');
  return Object.values(DESTINATIONS)
    .map(destination =>
      [
        `**${destination.title}** (\`to: ${destination.name}\`)`,
        '',
        '| What | Limit | The built-in message |',
        '| --- | --- | --- |',
        ...destination.limits.map(
          row => `| ${cell(row.what)} | ${cell(row.limit)} | ${cell(row.handling)} |`
        )
      ].join('\n')
    )
    .join('\n\n');
}

const SECTIONS = [
  {
    start: '<!-- reference:start (generated from action.yml by scripts/readme-reference.js) -->',
    end: '<!-- reference:end -->',
    write: actionYml => referenceTables(actionYml)
  },
  {
    start:
      '<!-- destinations:start (generated from src/destinations by scripts/readme-reference.js) -->',
    end: '<!-- destinations:end -->',
    write: () => destinationTables()
  }
];

/** The README with fresh tables, formatted as Prettier formats it. */
export async function withReference(readme, actionYml) {
  let text = readme;
  for (const { start, end, write } of SECTIONS) {
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < 0) throw new Error(`README.md needs the markers ${start} and ${end}`);
    text = `${text.slice(0, from + start.length)}\n\n${write(actionYml)}\n\n${text.slice(to)}`;
  }
  const options = await resolveConfig('README.md');
  return format(text, { ...options, parser: 'markdown' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync('README.md', 'utf8');
  const updated = await withReference(readme, readFileSync('action.yml', 'utf8'));
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md reference tables are stale: run `npm run docs`.');
      process.exit(1);
    }
  } else {
    writeFileSync('README.md', updated);
  }
}
