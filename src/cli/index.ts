#!/usr/bin/env node
import { exitWhenDone } from '../front-end/exit.js';
import { runCli } from './main.js';

/**
 * Writes to a stream until it closes (`release-webhooks … | head -1`): a closed output must
 * never stop a delivery; the exit code still tells the outcome.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true;
  stream.on('error', () => {
    open = false;
  });
  return text => {
    if (open) stream.write(text);
  };
}

const stderr = writerTo(process.stderr);
exitWhenDone(
  runCli(process.argv.slice(2), {
    stdout: writerTo(process.stdout),
    stderr,
    env: process.env,
    cwd: process.cwd(),
    isTerminal: Boolean(process.stdout.isTTY)
  }).catch((error: unknown) => {
    stderr(
      `release-webhooks stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`
    );
    return 2;
  }),
  message => {
    stderr(`release-webhooks: ${message}\n`);
    return 2;
  }
);
