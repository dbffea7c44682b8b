// Writes the inputs and outputs tables of docs/ from action.yml, and the destinations' limits from
// the modules the checks read, so neither can drift.
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

/** Every destination's limits table, from the modules the checks read (dist/destinations.js, services.js). */
export function destinationTables() {
  const require = createRequire(import.meta.url);
  const { DESTINATIONS } = require('../dist/destinations.js');
  const { SERVICES } = require('../dist/services.js');
  return [...Object.values(DESTINATIONS), ...SERVICES]
    .map(destination =>
      [
        `**${destination.title}** (\`to: ${destination.name}\`)`,
        '',
        ...protocolLine(destination),
        '| What | Limit | The built-in message |',
        '| --- | --- | --- |',
        ...destination.limits.map(
          row => `| ${cell(row.what)} | ${cell(row.limit)} | ${cell(row.handling)} |`
        )
      ].join('\n')
    )
    .join('\n\n');
}

/** What a destination asks for beyond its URL: its `auth` keys and its requests when several. */
function protocolLine(destination) {
  const parts = [];
  if (destination.auth?.length)
    parts.push(`\`auth\`: ${destination.auth.map(key => `\`${key}\``).join(', ')}`);
  if (destination.steps?.length > 1)
    parts.push(
      `requests: ${destination.steps
        .map(step => `\`${step.name}\`${step.needed ? ' (when needed)' : ''}`)
        .join(', then ')}`
    );
  return parts.length ? [parts.join(' · '), ''] : [];
}

const SECTIONS = [
  {
    file: 'docs/inputs-and-outputs.md',
    start: '<!-- reference:start (generated from action.yml by scripts/readme-reference.js) -->',
    end: '<!-- reference:end -->',
    write: actionYml => referenceTables(actionYml)
  },
  {
    file: 'docs/destinations.md',
    start:
      '<!-- destinations:start (generated from src/destinations by scripts/readme-reference.js) -->',
    end: '<!-- destinations:end -->',
    write: () => destinationTables()
  }
];

/** A page with its generated tables fresh, formatted as Prettier formats it. */
export async function withReference(file, page, actionYml) {
  let text = page;
  for (const { start, end, write } of SECTIONS.filter(section => section.file === file)) {
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < 0) throw new Error(`${file} needs the markers ${start} and ${end}`);
    text = `${text.slice(0, from + start.length)}\n\n${write(actionYml)}\n\n${text.slice(to)}`;
  }
  const options = await resolveConfig(file);
  return format(text, { ...options, parser: 'markdown' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const actionYml = readFileSync('action.yml', 'utf8');
  let stale = false;
  for (const file of new Set(SECTIONS.map(section => section.file))) {
    const page = readFileSync(file, 'utf8');
    const updated = await withReference(file, page, actionYml);
    if (updated === page) continue;
    if (process.argv.includes('--check')) {
      console.error(`${file}: generated tables are stale: run \`npm run docs\`.`);
      stale = true;
    } else writeFileSync(file, updated);
  }
  if (stale) process.exit(1);
}
