// The action's run() in-process, with a Runner that records what the step would show: the seam
// the action's front end is built on, as the official template tests its main with core.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../src/action/main.js';
import type { AnnotationPlace, Runner } from '../../src/action/runner.js';
import { writeFiles } from '../support/node-process.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

interface Step {
  /** Every call in order, as `kind: text`. */
  log: string[];
  outputs: Record<string, string>;
  errors: Array<{ message: string; place?: AnnotationPlace }>;
  summary: string;
  failed?: string;
}

async function runStep(config: string, inputs: Record<string, string> = {}): Promise<Step> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'release-webhooks-run-'));
  writeFiles(workspace, { '.github/webhooks.yml': config });
  const step: Step = { log: [], outputs: {}, errors: [], summary: '' };
  const runner: Runner = {
    getInput: name => inputs[name] ?? '',
    info: message => step.log.push(`info: ${message}`),
    debug: message => step.log.push(`debug: ${message}`),
    notice: message => step.log.push(`notice: ${message}`),
    warning: message => step.log.push(`warning: ${message}`),
    error: (message, place) => {
      step.log.push(`error: ${message}`);
      step.errors.push({ message, place });
    },
    setSecret: value => step.log.push(`secret: ${value}`),
    setOutput: (name, value) => (step.outputs[name] = value),
    group: (title, body) => step.log.push(`group: ${title}\n${body}`),
    writeSummary: markdown => (step.summary += markdown),
    setFailed: message => (step.failed = message)
  };
  await run(runner, { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'octo-org/space-game' });
  return step;
}

describe('run() with a recording runner', () => {
  it('delivers, writes the outputs and the summary, and does not fail the step', async () => {
    receiver = await startReceiver();
    const step = await runStep(
      `webhooks:\n  - name: Store\n    url: "${receiver.url}/v"\n    payload: { v: "{{ version.label }}" }\n`,
      { 'version-label': '2.0.0' }
    );
    expect(step.failed).toBeUndefined();
    expect(receiver.requests.map(r => r.text)).toEqual(['{"v":"2.0.0"}']);
    expect(step.outputs).toMatchObject({ sent: '1', failed: '0', skipped: '0' });
    expect(JSON.parse(step.outputs.results)[0]).toMatchObject({ name: 'Store', status: 204 });
    expect(step.summary).toContain('| Store |');
    expect(step.log).toContain('info: Sent 1, failed 0, skipped 0.');
  });

  it('registers every secret before it prints anything', async () => {
    const step = await runStep('webhooks:\n  - url: "{{ secrets.HOOK }}"\n', {
      test: 'true',
      secrets: JSON.stringify({ HOOK: 'https://hooks.example/s3cret-path' })
    });
    expect(step.failed).toBeUndefined();
    const firstPrinted = step.log.findIndex(line => !line.startsWith('secret: '));
    const lastSecret = step.log.map(line => line.startsWith('secret: ')).lastIndexOf(true);
    expect(lastSecret).toBeGreaterThanOrEqual(0);
    expect(lastSecret).toBeLessThan(firstPrinted);
    expect(step.log.slice(firstPrinted).join('\n')).not.toContain('s3cret-path');
  });

  it('reports config problems at their place and fails once', async () => {
    const step = await runStep('webhooks:\n  - url: https://hooks.example/\n    methd: PUT\n', {
      'version-label': '1.0.0'
    });
    expect(step.errors).toHaveLength(1);
    expect(step.errors[0].place).toMatchObject({ file: '.github/webhooks.yml', line: 3, col: 5 });
    expect(step.errors[0].message).toContain('did you mean `method`?');
    expect(step.failed).toBe('1 problem found; nothing was sent.');
  });

  it('a failure under continue-on-error is a warning and the step passes', async () => {
    receiver = await startReceiver((_request, response) => response.writeHead(400).end());
    const step = await runStep(
      `webhooks:\n  - name: Optional\n    url: "${receiver.url}/"\n    continue-on-error: true\n`,
      { 'version-label': '1.0.0' }
    );
    expect(step.failed).toBeUndefined();
    expect(step.log).toContain(
      'warning: Optional: 400 Bad Request (not retried) (continue-on-error)'
    );
  });

  it('a bug of ours says so in one line; its stack goes to the debug log', async () => {
    const step = await runStep('webhooks:\n  - url: https://hooks.example/\n', {
      get test(): string {
        throw new Error('the runner broke');
      }
    });
    expect(step.failed).toBe('Release webhooks stopped unexpectedly: the runner broke');
    expect(step.log.some(line => line.startsWith('debug: Error: the runner broke\n'))).toBe(true);
  });
});
