import * as core from '@actions/core';
import { exitWhenDone } from '../front-end/exit.js';
import { run } from './main.js';

exitWhenDone(
  run().then(() => Number(process.exitCode ?? 0)),
  message => {
    core.setFailed(`Release webhooks: ${message}`);
    return 1;
  }
);
