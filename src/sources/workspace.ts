// Facts read from the workspace: file sizes from globs, the changelog file, the event payload.
import { readFileSync, statSync } from 'node:fs';
import { FileTooLarge, readBoundedText } from '../bounded-file.js';
import { resolve } from 'node:path';
import { inputProblem } from '../problems.js';
import type { GitHubRelease } from './release.js';

/** Total bytes of the files the patterns match; an error naming the input when one matches nothing. */
export async function totalFileSize(
  patterns: string[],
  workspace: string,
  input: string
): Promise<number> {
  // Only a run with globs pays for loading the glob library.
  const { glob } = await import('tinyglobby');
  const files = new Set<string>();
  for (const pattern of patterns.filter(p => !p.startsWith('!'))) {
    const ignore = patterns.filter(p => p.startsWith('!')).map(p => p.slice(1));
    const matches = await glob(pattern, {
      cwd: workspace,
      absolute: true,
      onlyFiles: true,
      dot: true,
      ignore
    });
    if (matches.length === 0)
      throw inputProblem(input, `"${pattern}" matches no file in ${workspace}`);
    for (const match of matches) files.add(match);
  }
  let total = 0;
  for (const file of files) total += statSync(file).size;
  return total;
}

/** A changelog larger than this is no changelog (converters read at most 256 KiB of it). */
const MAX_CHANGES_BYTES = 16 * 1024 * 1024;

export function readChangesFile(file: string, workspace: string): string {
  try {
    return readBoundedText(resolve(workspace, file), MAX_CHANGES_BYTES);
  } catch (error) {
    const reason =
      error instanceof FileTooLarge
        ? error.message
        : (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'does not exist'
          : 'cannot be read';
    throw inputProblem(
      'version-changes-file',
      `"${file}" ${reason} (paths are relative to the workspace)`
    );
  }
}

/** The `release` object of the triggering event, when the run was triggered by a release. */
export function readEventRelease(eventPath: string | undefined): GitHubRelease | undefined {
  if (!eventPath) return undefined;
  try {
    const payload = JSON.parse(readFileSync(eventPath, 'utf8')) as { release?: GitHubRelease };
    return payload.release && typeof payload.release === 'object' ? payload.release : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the event is a pull request whose head is another repository's (a fork's). */
export function pullRequestFromFork(eventPath: string | undefined): boolean {
  if (!eventPath) return false;
  try {
    const { pull_request: pull } = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      pull_request?: {
        head?: { repo?: { full_name?: string } };
        base?: { repo?: { full_name?: string } };
      };
    };
    const head = pull?.head?.repo?.full_name;
    return head !== undefined && head !== pull?.base?.repo?.full_name;
  } catch {
    return false;
  }
}
