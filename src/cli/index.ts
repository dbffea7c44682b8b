#!/usr/bin/env node
import { runCli } from './main.js';

runCli(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTerminal: Boolean(process.stdout.isTTY)
}).then(
  code => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `release-webhooks stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`
    );
    process.exitCode = 2;
  }
);
