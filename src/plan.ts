// The pure heart shared by the action and the CLI: which webhooks fire, and what each would send.
import type { WebhookDefinition, WebhooksConfig } from './config/types.js';
import { withSampleValues, withSecretPlaceholders } from './context/samples.js';
import type { VersionContext } from './context/types.js';
import type { EventName } from './events.js';
import { UserError } from './problems.js';
import { readsVersionLabel } from './render/reads.js';
import { renderAll, type RenderOutcome } from './render/request.js';

/** `dry-run` renders and sends nothing; `send` delivers with sample values (the Panel's Test). */
export type TestMode = 'off' | 'dry-run' | 'send';

export interface PlannedWebhook {
  definition: WebhookDefinition;
  outcome: RenderOutcome;
}

export interface PlanOptions {
  event: EventName;
  only: string[];
  test: TestMode;
  userAgent: string;
  /** How the front end names its settings in errors (`input only`, `--only`). */
  settingNames?: SettingNames;
}

export interface SettingNames {
  only: string;
  versionLabel: string;
}

const ACTION_SETTINGS: SettingNames = {
  only: 'input only',
  versionLabel: 'input version-label'
};

export function selectWebhooks(
  config: WebhooksConfig,
  event: EventName,
  only: string[],
  onlySetting = ACTION_SETTINGS.only
): WebhookDefinition[] {
  const unknown = only.filter(name => !config.webhooks.some(w => w.name === name));
  if (unknown.length > 0) {
    const known = config.webhooks.map(w => `"${w.name}"`).join(', ');
    throw new UserError([
      {
        field: onlySetting,
        message: `no webhook named ${unknown.map(n => `"${n}"`).join(', ')} in ${config.file} (webhooks: ${known})`
      }
    ]);
  }
  return config.webhooks.filter(
    webhook => webhook.events.includes(event) && (only.length === 0 || only.includes(webhook.name))
  );
}

/**
 * A real delivery that would announce no version: a branch or a pull request's ref is never a
 * label (SPEC §3), so a webhook that sends `version.label` needs the input or a tag.
 */
function unlabelled(
  webhook: WebhookDefinition,
  context: VersionContext,
  test: TestMode,
  names: SettingNames
): RenderOutcome | undefined {
  if (test !== 'off' || context.version.label !== '' || !readsVersionLabel(webhook))
    return undefined;
  return {
    kind: 'failed',
    problems: [
      {
        field: names.versionLabel,
        webhook: webhook.name,
        message:
          'no version label: set it, run on a tag, or read a release (a branch or pull request ref is never a label)'
      }
    ]
  };
}

/** The context templates see in each mode: test modes fill gaps with sample values. */
export function contextForMode(context: VersionContext, test: TestMode): VersionContext {
  if (test === 'off') return context;
  const sampled = { ...withSampleValues(context), test: true };
  return test === 'dry-run'
    ? { ...sampled, secrets: withSecretPlaceholders(context.secrets) }
    : sampled;
}

export async function planWebhooks(
  config: WebhooksConfig,
  context: VersionContext,
  options: PlanOptions
): Promise<PlannedWebhook[]> {
  const names = options.settingNames ?? ACTION_SETTINGS;
  const selected = selectWebhooks(config, options.event, options.only, names.only);
  const outcomes = await renderAll(selected, contextForMode(context, options.test), {
    userAgent: options.userAgent,
    checkSkipped: options.test === 'dry-run',
    secretPlaceholders: options.test === 'dry-run'
  });
  return selected.map((definition, i) => ({
    definition,
    outcome: unlabelled(definition, context, options.test, names) ?? outcomes[i]
  }));
}
