// The one definition of the bundle: `node scripts/build.js [outDir]` (default dist/).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The action in outDir, the CLI in outDir/cli, one licence file for both. */
export function build(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  bundle('src/index.ts', outDir);
  bundle('src/cli/index.ts', path.join(outDir, 'cli'));
  writeFileSync(path.join(outDir, 'licenses.txt'), licenses());
}

function bundle(entry, outDir) {
  execFileSync('npx', ['ncc', 'build', entry, '-o', outDir, '--target', 'es2022', '-q'], {
    stdio: 'inherit'
  });
}

/**
 * The licences of every production dependency. ncc's own --license only covers one chunk once
 * the bundle is split, so we write the file from the installed packages instead.
 */
function licenses() {
  const folders = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    encoding: 'utf8'
  })
    .split('\n')
    .filter(folder => folder.includes('node_modules'));
  const entries = new Map();
  for (const folder of folders) {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(folder).find(file => /^(licen[cs]e|copying)/i.test(file));
    const text =
      licenseFile && existsSync(path.join(folder, licenseFile))
        ? readFileSync(path.join(folder, licenseFile), 'utf8').trim()
        : '';
    entries.set(
      `${manifest.name}@${manifest.version}`,
      `${manifest.name} ${manifest.version}\n${manifest.license ?? 'UNKNOWN'}\n${text}`
    );
  }
  return (
    [...entries.keys()]
      .sort()
      .map(key => entries.get(key))
      .join('\n\n') + '\n'
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build(process.argv[2] ?? 'dist');
