// The pure heart shared by the action and the CLI: which webhooks fire, and what each would send.
import type { WebhookDefinition, WebhooksConfig } from './config/types.js';
import { withSampleValues, withSecretPlaceholders } from './context/samples.js';
import type { VersionContext } from './context/types.js';
import type { EventName } from './events.js';
import { inputProblem } from './problems.js';
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
}

export function selectWebhooks(
  config: WebhooksConfig,
  event: EventName,
  only: string[]
): WebhookDefinition[] {
  const unknown = only.filter(name => !config.webhooks.some(w => w.name === name));
  if (unknown.length > 0) {
    const known = config.webhooks.map(w => `"${w.name}"`).join(', ');
    throw inputProblem(
      'only',
      `no webhook named ${unknown.map(n => `"${n}"`).join(', ')} in ${config.file} (webhooks: ${known})`
    );
  }
  return config.webhooks.filter(
    webhook => webhook.events.includes(event) && (only.length === 0 || only.includes(webhook.name))
  );
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
  const selected = selectWebhooks(config, options.event, options.only);
  const outcomes = await renderAll(selected, contextForMode(context, options.test), {
    userAgent: options.userAgent,
    checkSkipped: options.test === 'dry-run',
    secretPlaceholders: options.test === 'dry-run'
  });
  return selected.map((definition, i) => ({ definition, outcome: outcomes[i] }));
}
