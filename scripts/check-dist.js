// dist/ is what users run: it must equal a fresh build of src/. Builds into a temporary folder
// and compares file by file, so it works without git and leaves dist/ alone.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from './build.js';

const fresh = mkdtempSync(path.join(tmpdir(), 'release-webhooks-dist-'));
try {
  await build(fresh);
  const list = dir =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter(file => statSync(path.join(dir, file)).isFile())
      .sort();
  const expected = list(fresh);
  const actual = list('dist');
  const differing = [...new Set([...expected, ...actual])].filter(file => {
    try {
      return !readFileSync(path.join(fresh, file)).equals(readFileSync(path.join('dist', file)));
    } catch {
      return true;
    }
  });
  if (differing.length > 0) {
    console.error(
      `dist/ differs from a fresh build: ${differing.join(', ')}. Run \`npm run build\` and commit dist/.`
    );
    process.exit(1);
  }
  console.log(`dist/ equals a fresh build (${expected.length} files).`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
