// What both front ends say the same way: reading the config file, the closing lines, and a
// failure that is a bug of ours rather than the user's.
import { resolve } from 'node:path';
import { FileTooLarge, readBoundedText } from '../bounded-file.js';
import { UserError } from '../problems.js';
import { countResults, type WebhookResult } from '../report/results.js';

const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/**
 * The config file's text. `setting` names what points at it (`input config`, `--config`).
 * Read synchronously: node:fs/promises costs start-up time a run does not need.
 */
export function readConfigText(file: string, root: string, setting: string): string {
  try {
    return readBoundedText(resolve(root, file), MAX_CONFIG_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      error instanceof FileTooLarge
        ? `${error.message}; a webhooks file is a few KB`
        : code === 'ENOENT'
          ? `does not exist; create it (see webhooks.example.yml) or point ${setting} at it`
          : `cannot be read (${code ?? 'error'})`;
    throw new UserError([{ message: `${file} ${reason}`, field: setting }]);
  }
}

export function problemsLine(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'} found; nothing was sent.`;
}

export function deliveryLine(results: WebhookResult[]): string {
  const counts = countResults(results);
  return `Sent ${counts.sent}, failed ${counts.failed}, skipped ${counts.skipped}.`;
}

/** A bug of ours: the message helps the user, the stack helps us (shown on request only). */
export function unexpectedError(error: unknown): { message: string; stack?: string } {
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `Release webhooks stopped unexpectedly: ${message}`,
    stack: error instanceof Error ? error.stack : undefined
  };
}
