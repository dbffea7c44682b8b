// The release workflow's own scripts, run here as the workflow runs them.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
// @ts-expect-error: plain JavaScript scripts, without types
import { releaseNotes } from '../../scripts/release-notes.js';
// @ts-expect-error: plain JavaScript scripts, without types
import { RELEASE_FILES, releaseTree } from '../../scripts/release-tree.js';

describe('release notes from CHANGELOG.md', () => {
  const changelog =
    '# Changelog\n\n## [Unreleased]\n\n- next\n\n## [1.1.0] - 2026-12-01\n\n### Added\n- a thing\n\n## [1.0.0] - 2026-11-28\n\n- first\n';

  it('are the section of the tag, without its heading', () => {
    expect(releaseNotes(changelog, 'v1.1.0')).toBe('### Added\n- a thing');
    expect(releaseNotes(changelog, '1.0.0')).toBe('- first');
    expect(releaseNotes(changelog, 'v2.0.0')).toBeUndefined();
  });

  it("exist for this repository's CHANGELOG", () => {
    expect(releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), 'v1.0.0')).toMatch(/\S/);
  });
});

describe('the release tree that the major tag points at', () => {
  const identity = {
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@t',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@t'
  };
  function repository(): string {
    const cwd = mkdtempSync(path.join(tmpdir(), 'release-tree-'));
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@t',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@t'
        }
      }).trim();
    git('init', '-q');
    for (const file of [
      'action.yml',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'webhooks.schema.json',
      'webhooks.example.yml',
      'package.json',
      'src/main.ts',
      'test/a.test.ts',
      'dist/index.js',
      'dist/cli.js',
      'dist/lazy/chunk.js'
    ]) {
      mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
      writeFileSync(path.join(cwd, file), `${file}\n`);
    }
    git('add', '.');
    git('commit', '-qm', 'release');
    return cwd;
  }

  it('holds only what the action runs (not the CLI, which npm installs), and follows the previous release', () => {
    const cwd = repository();
    const first = releaseTree({ cwd, env: { ...process.env, ...identity } }) as string;
    const files = execFileSync('git', ['ls-tree', '-r', '--name-only', first], {
      cwd,
      encoding: 'utf8'
    });
    expect(files.trim().split('\n').sort()).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'action.yml',
        'dist/index.js',
        'dist/lazy/chunk.js',
        'webhooks.example.yml',
        'webhooks.schema.json'
      ].sort()
    );
    expect(
      execFileSync('git', ['show', `${first}:dist/lazy/chunk.js`], { cwd, encoding: 'utf8' })
    ).toBe('dist/lazy/chunk.js\n');
    const second = releaseTree({
      cwd,
      parent: first,
      env: { ...process.env, ...identity }
    }) as string;
    expect(execFileSync('git', ['rev-parse', `${second}^`], { cwd, encoding: 'utf8' }).trim()).toBe(
      first
    );
    expect(RELEASE_FILES).toContain('dist');
  });

  it('is what the release workflow tags, and the workflow announces with the action itself', () => {
    const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
      on: { push: { tags: string[] } };
      jobs: {
        release: { steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> };
      };
    };
    expect(workflow.on.push.tags).toEqual(['v*.*.*']);
    const steps = workflow.jobs.release.steps;
    expect(steps.some(s => s.run?.includes('node scripts/release-tree.js'))).toBe(true);
    expect(steps.some(s => s.run?.includes('node scripts/release-notes.js'))).toBe(true);
    expect(steps.some(s => s.run === 'npm test')).toBe(true);
    expect(steps.find(s => s.uses === './')?.with?.test).toContain(
      "secrets.DISCORD_WEBHOOK_URL == ''"
    );
    expect(steps.some(s => s.uses?.startsWith('actions/attest-build-provenance'))).toBe(true);
  });
});
