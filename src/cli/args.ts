// The CLI's command line, parsed and checked; a usage error names the option.
import { parseArgs } from 'node:util';
import { NUMBER_RULES } from '../config/fields.js';
import { DEFAULT_EVENT, isKnownEvent, KNOWN_EVENTS, type EventName } from '../events.js';
import { list, parseNumber } from '../front-end/values.js';
import type { TestMode } from '../plan.js';

export const USAGE = `Usage: release-webhooks [options]

Renders and delivers the webhooks of a webhooks.yml, as the GitHub Action does.

Options:
  --config FILE         the webhooks file (default: .github/webhooks.yml)
  --test                preview every request; nothing is sent (the default)
  --send                deliver for real
  --sample              with --send: sample values where real ones are missing, test = true
  --set PATH=VALUE      set a variable, e.g. --set version.label=1.2.3 (repeatable)
  --secrets-file FILE   secrets as a JSON object or a dotenv file
  --event NAME          ${KNOWN_EVENTS.join(' | ')} (default: ${DEFAULT_EVENT})
  --only NAMES          only these webhooks (comma separated)
  --timeout SECONDS     per attempt, for webhooks that set none (default: ${NUMBER_RULES.timeout.fallback})
  --retries N           for webhooks that set none (default: ${NUMBER_RULES.retries.fallback})
  --concurrency N       deliveries at once (default: ${NUMBER_RULES.concurrency.fallback})
  --json                print the results as JSON on stdout
  --no-color            plain output even on a terminal
  --help, --version

Exit codes: 0 all good, 1 a webhook failed, 2 a config, template or usage error.`;

export interface CliOptions {
  help: boolean;
  version: boolean;
  config: string;
  test: TestMode;
  set: Array<[string, string]>;
  secretsFile?: string;
  event: EventName;
  only: string[];
  timeoutSeconds: number;
  retries: number;
  concurrency: number;
  json: boolean;
  color: boolean;
}

export class UsageError extends Error {}

export function parseCliArgs(argv: string[], colorByDefault: boolean): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        test: { type: 'boolean' },
        send: { type: 'boolean' },
        sample: { type: 'boolean' },
        set: { type: 'string', multiple: true },
        'secrets-file': { type: 'string' },
        event: { type: 'string' },
        only: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        concurrency: { type: 'string' },
        json: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' }
      }
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.test && values.send) throw new UsageError('--test and --send exclude each other');
  if (values.sample && !values.send) throw new UsageError('--sample goes with --send');
  const event = values.event ?? DEFAULT_EVENT;
  if (!isKnownEvent(event))
    throw new UsageError(`--event: "${event}" is not one of ${KNOWN_EVENTS.join(', ')}`);
  const set = (values.set ?? []).map(item => {
    const at = item.indexOf('=');
    if (at <= 0)
      throw new UsageError(`--set "${item}": write PATH=VALUE, e.g. version.label=1.2.3`);
    return [item.slice(0, at).trim(), item.slice(at + 1)] as [string, string];
  });
  const number = (name: keyof typeof NUMBER_RULES) => {
    const rule = NUMBER_RULES[name];
    const raw = values[name];
    if (raw === undefined) return rule.fallback;
    const value = parseNumber(raw, rule);
    if (value === undefined) throw new UsageError(`--${name}: "${raw}" is not ${rule.expected}`);
    return value;
  };
  return {
    help: values.help ?? false,
    version: values.version ?? false,
    config: values.config ?? '.github/webhooks.yml',
    test: values.send ? (values.sample ? 'send' : 'off') : 'dry-run',
    set,
    secretsFile: values['secrets-file'],
    event,
    only: list(values.only ?? ''),
    timeoutSeconds: number('timeout'),
    retries: number('retries'),
    concurrency: number('concurrency'),
    json: values.json ?? false,
    color: colorByDefault && !values['no-color']
  };
}
