// Runs a script with this Node in a folder, as a separate process, collecting what it prints.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runNode(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv
): Promise<ProcessRun> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  const code = await new Promise<number>(resolve =>
    child.on('close', status => resolve(status ?? -1))
  );
  return { code, stdout, stderr };
}

/** Writes files (relative path → text) under a folder, creating folders as needed. */
export function writeFiles(folder: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
}
