// Runs the built CLI (cli.js of the bundle built for this test run) in a folder of its own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILT } from './built.js';
import { runNode, writeFiles, type ProcessRun } from './node-process.js';

export const CLI = path.join(BUILT, 'cli.js');

export type CliRun = ProcessRun;

export async function runCli(
  args: string[],
  files: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<CliRun> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'release-webhooks-cli-'));
  writeFiles(cwd, files);
  return runNode([CLI, ...args], cwd, { PATH: process.env.PATH ?? '', HOME: cwd, ...env });
}
