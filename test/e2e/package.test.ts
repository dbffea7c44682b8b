// The CLI as people install it: the packed package, in an empty folder, with no node_modules.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runNode } from '../support/node-process.js';

describe('the packed package', () => {
  it('has no runtime dependencies: the bundle is self-contained', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
  });

  it('runs its CLI from an empty folder', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'release-webhooks-pack-'));
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], {
      encoding: 'utf8'
    }).trim();
    execFileSync('tar', ['xzf', path.join(folder, tarball)], { cwd: folder });
    const packed = path.join(folder, 'package');
    const files = execFileSync('tar', ['tzf', path.join(folder, tarball)], { encoding: 'utf8' });
    expect(files).not.toMatch(/node_modules|package\/src\/|package\/test\//);

    const cwd = mkdtempSync(path.join(tmpdir(), 'release-webhooks-empty-'));
    const env = { PATH: process.env.PATH ?? '', HOME: cwd };
    const cli = path.join(packed, 'dist/cli.js');
    const help = await runNode([cli, '--help'], cwd, env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: release-webhooks');
    const preview = await runNode(
      [cli, '--config', path.join(packed, 'webhooks.example.yml'), '--set', 'version.label=1.0.0'],
      cwd,
      env
    );
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/webhook\(s\) checked, nothing sent/);
  });
});
