// The one definition of the bundle: `node scripts/build.js [outDir]` (default dist/).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function build(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      'src/index.ts',
      '-o',
      outDir,
      '--license',
      'licenses.txt',
      '--target',
      'es2022',
      '-q'
    ],
    { stdio: 'inherit' }
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build(process.argv[2] ?? 'dist');
