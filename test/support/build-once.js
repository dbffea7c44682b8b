// Jest globalSetup: builds the bundle from src/ once per test run into a temporary folder, so
// that the end-to-end tests test the code as it is now. (check-dist keeps the committed dist/
// equal to a fresh build.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../scripts/build.js';

export default async function buildOnce() {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'release-webhooks-dist-')), 'dist');
  await build(outDir, { licenses: false });
  // Workers start after this and inherit the variable.
  process.env.RELEASE_WEBHOOKS_DIST = outDir;
}
