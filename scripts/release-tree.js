// `node scripts/release-tree.js [parent]`: a commit holding only what the action runs (action.yml,
// dist/, the schema, README, LICENSE, CHANGELOG), made with git's plumbing from HEAD's files and
// printed as its id. The release workflow points the major tag (`v1`) at it, so `uses: …@v1`
// downloads kilobytes of bundle, not the sources and the tests. `parent` is the previous release
// commit, so the release history stays one line.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const RELEASE_FILES = [
  'action.yml',
  'dist',
  'webhooks.schema.json',
  'webhooks.example.yml',
  'README.md',
  'LICENSE',
  'CHANGELOG.md'
];

/** The CLI is installed with npm, never run from the action's tree. */
const NOT_RUN_BY_THE_ACTION = ['dist/cli.js'];

export function releaseTree({ cwd = process.cwd(), parent, env = process.env } = {}) {
  const git = (args, input) =>
    execFileSync('git', args, { cwd, env, encoding: 'utf8', input }).trim();
  // The files of HEAD under those paths, with their modes and blobs, as `git mktree` reads them.
  const entries = git(['ls-tree', '-r', 'HEAD', '--', ...RELEASE_FILES])
    .split('\n')
    .filter(line => !NOT_RUN_BY_THE_ACTION.some(file => line.endsWith(`\t${file}`)));
  if (!entries.some(line => line.endsWith('\tdist/index.js')))
    throw new Error('HEAD has no dist/index.js');
  const tree = buildTree(entries, input => git(['mktree'], input));
  const subject = `Release tree of ${git(['rev-parse', '--short', 'HEAD'])}`;
  return git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', subject]);
}

/** Nested trees from `ls-tree -r` lines (`mode type id\tpath`), bottom up. */
function buildTree(lines, mktree) {
  const root = new Map();
  for (const line of lines) {
    const [meta, file] = line.split('\t');
    const parts = file.split('/');
    let node = root;
    for (const folder of parts.slice(0, -1)) {
      if (!node.has(folder)) node.set(folder, new Map());
      node = node.get(folder);
    }
    node.set(parts.at(-1), meta);
  }
  const write = node =>
    mktree(
      [...node]
        .map(([name, value]) =>
          value instanceof Map ? `040000 tree ${write(value)}\t${name}` : `${value}\t${name}`
        )
        .join('\n') + '\n'
    );
  return write(root);
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  console.log(releaseTree({ parent: process.argv[2] || undefined }));
