// Reading a file the user points at, up to a size: `--config /dev/zero` must end with an error,
// not fill memory.
import { closeSync, openSync, readSync } from 'node:fs';

export class FileTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`is larger than ${limitBytes / 1024 / 1024} MiB`);
  }
}

/** The file's text, or FileTooLarge when it holds more than `limitBytes`. */
export function readBoundedText(path: string, limitBytes: number): string {
  const descriptor = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.allocUnsafe(64 * 1024);
    for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) {
      total += read;
      if (total > limitBytes) throw new FileTooLarge(limitBytes);
      chunks.push(Buffer.from(buffer.subarray(0, read)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(descriptor);
  }
}
