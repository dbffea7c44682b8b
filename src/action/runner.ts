// The runner's side of a step, as one small interface: the action implements it with
// @actions/core, tests and the CLI with their own.
import { appendFileSync } from 'node:fs';
import * as core from '@actions/core';

export interface AnnotationPlace {
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

export interface Runner {
  getInput(name: string): string;
  info(message: string): void;
  debug(message: string): void;
  notice(message: string): void;
  warning(message: string, place?: AnnotationPlace): void;
  error(message: string, place?: AnnotationPlace): void;
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  group(title: string, body: string): void;
  writeSummary(markdown: string): void;
  setFailed(message: string): void;
}

function properties(place?: AnnotationPlace): core.AnnotationProperties {
  return {
    title: place?.title,
    file: place?.file,
    startLine: place?.line,
    startColumn: place?.col
  };
}

export function actionsRunner(env: NodeJS.ProcessEnv = process.env): Runner {
  return {
    // Untrimmed: a list's line breaks tell how to split it (settings trims the rest).
    getInput: name => core.getInput(name, { trimWhitespace: false }),
    info: message => core.info(message),
    debug: message => core.debug(message),
    notice: message => core.notice(message),
    warning: (message, place) => core.warning(message, properties(place)),
    error: (message, place) => core.error(message, properties(place)),
    setSecret: value => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    group: (title, body) => {
      core.startGroup(title);
      core.info(body);
      core.endGroup();
    },
    // The summary is a file the step appends Markdown to; core.summary would load
    // node:fs/promises for the same append.
    writeSummary: markdown => {
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
    },
    setFailed: message => core.setFailed(message)
  };
}
