// Runs the built action (index.js of the bundle built for this test run) the way a GitHub runner does: INPUT_* variables with
// their hyphens, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH and a workspace.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILT } from './built.js';
import { runNode, writeFiles } from './node-process.js';

export const DIST = path.join(BUILT, 'index.js');

export interface ActionOptions {
  inputs?: Record<string, string>;
  /** Files to create in the workspace, by relative path. */
  files?: Record<string, string>;
  /** `.github/webhooks.yml`, the most common file. */
  config?: string;
  event?: { name: string; payload: object };
  env?: Record<string, string>;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The `results` output, parsed. */
  results: Array<Record<string, unknown>>;
  workspace: string;
}

export async function runAction(options: ActionOptions = {}): Promise<ActionRun> {
  const root = mkdtempSync(path.join(tmpdir(), 'release-webhooks-test-'));
  const workspace = path.join(root, 'workspace');
  mkdirSync(workspace);
  const files = { ...options.files };
  if (options.config !== undefined) files['.github/webhooks.yml'] = options.config;
  writeFiles(workspace, files);
  const outputFile = path.join(root, 'output');
  const summaryFile = path.join(root, 'summary');
  const eventFile = path.join(root, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(options.event?.payload ?? {}));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: root,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_REPOSITORY: 'octo-org/space-game',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_REF: 'refs/tags/v2.3.0',
    GITHUB_REF_NAME: 'v2.3.0',
    GITHUB_REF_TYPE: 'tag',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_ACTOR: 'octocat',
    ...options.env
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }

  const { code, stdout, stderr } = await runNode([DIST], workspace, env);

  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
  return {
    code,
    stdout,
    stderr,
    outputs,
    summary: readFileSync(summaryFile, 'utf8'),
    results: outputs.results ? JSON.parse(outputs.results) : [],
    workspace
  };
}

/** The runner's `name<<DELIMITER` file format. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(.+)\n([^]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3];
  return outputs;
}

/** The `::error …::message` lines the runner turns into annotations. */
export function annotations(
  stdout: string,
  level = 'error'
): Array<{ properties: string; message: string }> {
  return stdout
    .split('\n')
    .filter(line => line.startsWith(`::${level}`))
    .map(line => {
      const match = /^::\w+ ?([^:]*)::(.*)$/.exec(line);
      return {
        properties: match?.[1] ?? '',
        message: (match?.[2] ?? '').replace(/%0A/g, '\n').replace(/%25/g, '%')
      };
    });
}

/** Every error annotation's message, one per line. */
export function errorMessages(stdout: string): string {
  return annotations(stdout)
    .map(a => a.message)
    .join('\n');
}
