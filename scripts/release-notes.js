// `node scripts/release-notes.js 1.2.0`: the CHANGELOG.md section of that version, printed as the
// GitHub release's notes. Exits 1 when the CHANGELOG has no such section: a release needs notes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function releaseNotes(changelog, version) {
  const bare = version.replace(/^v/, '');
  const lines = changelog.split('\n');
  const start = lines.findIndex(line =>
    new RegExp(`^## \\[${bare.replace(/\./g, '\\.')}\\]`).test(line)
  );
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = process.argv[2] ?? '';
  const notes = releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version);
  if (!notes) {
    console.error(`CHANGELOG.md has no section "## [${version.replace(/^v/, '')}]"`);
    process.exit(1);
  }
  console.log(notes);
}
