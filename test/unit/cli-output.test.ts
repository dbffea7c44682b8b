import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';

async function preview(args: string[], isTerminal: boolean, env: NodeJS.ProcessEnv = {}) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'cli-output-'));
  writeFileSync(
    path.join(cwd, 'hooks.yml'),
    'webhooks:\n  - name: A\n    url: https://example.com/\n'
  );
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--config', 'hooks.yml', ...args], {
    stdout: text => (stdout += text),
    stderr: text => (stderr += text),
    env,
    cwd,
    isTerminal
  });
  return { code, stdout, stderr };
}

const ESC = '\u001b[';

describe('CLI output', () => {
  it('is coloured on a terminal', async () => {
    const { code, stdout } = await preview([], true);
    expect(code).toBe(0);
    expect(stdout).toContain(`${ESC}32m✓ A: renders`);
  });

  it.each([
    ['not a terminal', [], false, {}],
    ['--no-color', ['--no-color'], true, {}],
    ['NO_COLOR', [], true, { NO_COLOR: '1' }]
  ])('is plain when %s', async (_name, args, isTerminal, env) => {
    const { stdout } = await preview(
      args as string[],
      isTerminal as boolean,
      env as NodeJS.ProcessEnv
    );
    expect(stdout).toContain('✓ A: renders');
    expect(stdout).not.toContain(ESC);
  });
});
