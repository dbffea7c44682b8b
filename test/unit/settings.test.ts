import { describe, expect, it } from '@jest/globals';
import { UserError } from '../../src/problems.js';
import { readSettings } from '../../src/action/settings.js';
import { list } from '../../src/front-end/values.js';

const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
  const { settings, problems } = readSettings(name => inputs[name] ?? '', env);
  if (problems.length > 0) throw new UserError(problems);
  return settings;
};

describe('reading the inputs', () => {
  it('has the documented defaults', () => {
    expect(read({})).toMatchObject({
      configPath: '.github/webhooks.yml',
      event: 'version_published',
      test: 'off',
      only: [],
      secrets: {},
      timeoutSeconds: 10,
      retries: 2,
      concurrency: 4,
      failOnError: true
    });
  });

  it.each([
    ['true', 'dry-run'],
    ['TRUE', 'dry-run'],
    ['false', 'off'],
    ['send', 'send'],
    ['Send', 'send']
  ])('test: %s → %s', (value, mode) => {
    expect(read({ test: value }).test).toBe(mode);
  });

  it('normalises dates to ISO 8601 UTC without fractions', () => {
    expect(
      read({ 'version-published-at': '2026-05-01T12:30:00.250+02:00' }).facts.publishedAt
    ).toBe('2026-05-01T10:30:00Z');
    expect(read({ 'version-published-at': '1777600000' }).facts.publishedAt).toBe(
      '2026-05-01T01:46:40Z'
    );
  });

  it('an explicit size wins over files, explicit changes over a file', () => {
    const settings = read({
      'version-content-size': '10',
      'version-content-files': 'a/*',
      'version-changes': 'text',
      'version-changes-file': 'CHANGES.md'
    });
    expect(settings.facts.contentSize).toBe(10);
    expect(settings.contentFiles).toEqual([]);
    expect(settings.changesFile).toBeUndefined();
  });

  it('stringifies non-string secret values and reads the GitHub environment', () => {
    const settings = read(
      { secrets: '{"A":"x","N":5}' },
      { GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: 'https://ghe.example/' }
    );
    expect(settings.secrets).toEqual({ A: 'x', N: '5' });
    expect(settings.github).toMatchObject({ repository: 'o/r', serverUrl: 'https://ghe.example' });
  });

  it('reports every invalid input at once, without echoing secrets', () => {
    try {
      read({ secrets: '{"TOKEN": "hunter2"', timeout: '-1', concurrency: '0' });
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      const problems = (error as UserError).problems;
      expect(problems.map(p => p.field)).toEqual([
        'input secrets',
        'input timeout',
        'input concurrency'
      ]);
      expect(JSON.stringify(problems)).not.toContain('hunter2');
    }
  });

  it('splits a list on new lines when it has several lines, else on commas', () => {
    expect(list(' Discord, Slack')).toEqual(['Discord', 'Slack']);
    expect(list('Store, EU\nDiscord\n\n')).toEqual(['Store, EU', 'Discord']);
    expect(list('Store, EU\n')).toEqual(['Store, EU']);
  });
});
